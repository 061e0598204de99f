// The reconnect status of the interactive pages (Components/Layout/ReconnectStatus.razor). blazor.web.js reports each
// change of its connection as a components-reconnect-state-changed event on the element; this shows the one message
// that fits, in the page's language (the texts come rendered from the server), and the one button that helps.
(() => {
    "use strict";
    const status = document.getElementById("components-reconnect-modal");
    if (!status) {
        return;
    }

    const message = status.querySelector("[data-reconnect-message]");
    const buttons = [...status.querySelectorAll("[data-reconnect-action]")];

    // blazor.web.js's states (show, retrying, failed, resume-failed, paused, rejected, hide) as the message and the
    // button to show. "retrying" comes every second with a countdown: it says nothing new, so it is not announced again.
    const views = {
        show: ["reconnecting", null],
        retrying: ["reconnecting", null],
        failed: ["failed", "retry"],
        "resume-failed": ["failed", "retry"],
        paused: ["paused", "resume"],
        rejected: ["rejected", "reload"],
    };

    let shown = null;

    function render(state) {
        const view = views[state];
        const name = view ? view[0] : null;
        if (name === shown) {
            return;
        }

        shown = name;
        if (name) {
            status.dataset.state = name;
        } else {
            delete status.dataset.state;
        }

        message.textContent = name ? status.getAttribute(`data-text-${name}`) : "";
        for (const button of buttons) {
            button.hidden = !view || button.dataset.reconnectAction !== view[1];
        }
    }

    async function retry() {
        render("show");
        try {
            // false from both: the server answered but no longer holds this page's circuit (restarted, or kept it too long).
            if (await Blazor.reconnect() || await Blazor.resumeCircuit()) {
                render("hide");
            } else {
                render("rejected");
            }
        } catch {
            render("failed");
        }
    }

    async function resume() {
        render("show");
        try {
            render(await Blazor.resumeCircuit() ? "hide" : "rejected");
        } catch {
            render("failed");
        }
    }

    // A GET of the same address: the page may be the answer to a form post, which reload() would post again. Drafts
    // (js/drafts.js) put back what was being typed.
    function reload() {
        location.replace(location.pathname + location.search);
    }

    const actions = { retry, resume, reload };
    for (const button of buttons) {
        button.addEventListener("click", () => actions[button.dataset.reconnectAction]());
    }

    status.addEventListener("components-reconnect-state-changed", event => render(event.detail.state));

    // After blazor.web.js gave up, coming back online or to the tab is the moment to try again without being asked.
    const retryIfFailed = () => {
        if (shown === "failed" && document.visibilityState === "visible") {
            retry();
        }
    };
    window.addEventListener("online", retryIfFailed);
    document.addEventListener("visibilitychange", retryIfFailed);
})();
