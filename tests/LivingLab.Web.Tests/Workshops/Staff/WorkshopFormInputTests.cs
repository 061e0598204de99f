using LivingLab.Web.Features.Workshops.Staff;

namespace LivingLab.Web.Tests.Workshops.Staff;

/// <summary>The workshop form's own rules: Japan time whatever the server's zone, every field checked at once, a poll ignores the times.</summary>
public sealed class WorkshopFormInputTests
{
    [Fact]
    public void A_day_and_a_time_are_a_moment_in_japan_and_a_malformed_one_is_none()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 0, 30, 0, TimeSpan.Zero), JapanTime.At("2027-01-04", "09:30"));
        Assert.Equal(TimeSpan.FromHours(9), JapanTime.At("2027-01-04", "09:30:00")!.Value.Offset);
        Assert.Null(JapanTime.At("2027-02-30", "09:30"));
        Assert.Null(JapanTime.At("2027-01-04", "25:00"));
        Assert.Null(JapanTime.At("", "09:30"));
        Assert.Equal(("2027-01-04", "00:15"), (JapanTime.DateOf(new DateTimeOffset(2027, 1, 3, 15, 15, 0, TimeSpan.Zero)), JapanTime.TimeOf(new DateTimeOffset(2027, 1, 3, 15, 15, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Every_field_is_checked_at_once_and_a_date_poll_needs_no_times()
    {
        var form = new WorkshopFormInput { Title = " ", Stage = "someday", Capacity = "二十", When = WorkshopFormInput.Fixed, Date = "2027-01-04", StartTime = "10:00", EndTime = "09:00" };

        var problems = form.Check();

        Assert.Equal(["capacity", "endsAt", "place", "stage", "title"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("required", "invalidValue", "placeOrOnlineRequired", "outOfRange", "endBeforeStart"),
            (problems["title"].Code, problems["stage"].Code, problems["place"].Code, problems["capacity"].Code, problems["endsAt"].Code));

        var poll = new WorkshopFormInput { Title = "日程調整の会", Stage = "discovery", OnlineUrl = "https://meet.example.jp/a", Capacity = "20", When = WorkshopFormInput.Poll, EndTime = "09:00" };
        Assert.Empty(poll.Check());
        Assert.Null(poll.ToInput().StartsAt);
        Assert.Null(poll.ToInput().EndsAt);
    }
}
