-- Every node's live-signal follower asks which people an event range notified (silo/Live/LiveSignalFollower.cs), so
-- each node's open pages update their unread badge whichever node applied the notifications.
CREATE INDEX notifications_by_position ON notifications (position);
