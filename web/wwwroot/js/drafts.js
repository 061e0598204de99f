// Drafts: what a person types into a form marked data-draft is kept in sessionStorage (this tab only) until the form
// is posted successfully, so a reload, a dropped circuit or a restarted server costs nothing of it. The forms are plain
// posts that work without this script; it only adds the memory. See docs/ARCHITECTURE.md, "Drafts".
(() => {
    "use strict";
    const storage = (() => {
        try {
            const s = window.sessionStorage;
            s.setItem("draft:probe", "1");
            s.removeItem("draft:probe");
            return s;
        } catch {
            return null; // storage off (a private mode, a policy): the forms work as they do without script
        }
    })();
    // An interactive form that posts in place (no redirect to learn from) reports a taken post here.
    window.livingLabDrafts = { taken() {} };
    if (!storage) {
        return;
    }

    const pendingKey = "draft-pending";
    // Only free text: never passwords, hidden fields (the antiforgery token, the form's handler), files or choices.
    const textTypes = new Set(["text", "email", "url", "tel", "number"]);
    // The sign-in page, where a post from a session that ended lands.
    const signIn = /^\/login\/?$/;
    // A post that has not come back by then is not taken as the one this page answers.
    const pendingMaxAgeMs = 10 * 60 * 1000;

    function isDraftField(el) {
        const text = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && textTypes.has(el.type));
        return text && el.name !== "" && !el.readOnly && el.form?.hasAttribute("data-draft") && !el.hasAttribute("data-draft-skip");
    }

    // Blazor's form name (_handler) is unique on a page; the attribute's own value serves forms without one.
    function formKey(form) {
        const name = form.querySelector("input[type=hidden][name=_handler]")?.value || form.getAttribute("data-draft") || form.id;
        return `draft:${location.pathname}|${name}|`;
    }

    const fieldKey = field => formKey(field.form) + field.name;

    function read(key) {
        try {
            return JSON.parse(storage.getItem(key));
        } catch {
            return null;
        }
    }

    function write(key, value) {
        try {
            storage.setItem(key, JSON.stringify(value));
        } catch {
            // full: the draft is lost as it would be without script, the form still posts
        }
    }

    // What the server had rendered into the field. An interactive component sets a field's value, not its default, so
    // one that fills a field (the reword island) names that text in data-draft-base.
    function serverText(field) {
        return field.getAttribute("data-draft-base") ?? field.defaultValue;
    }

    // The value next to what the server had rendered into the field (b), so that a field the server fills (a comment
    // being edited) takes the draft back only while it still shows that same text.
    function save(field) {
        if (field.value === serverText(field)) {
            storage.removeItem(fieldKey(field));
        } else {
            write(fieldKey(field), { v: field.value, b: serverText(field) });
        }
    }

    function drop(prefix) {
        for (let i = storage.length - 1; i >= 0; i--) {
            const key = storage.key(i);
            if (key?.startsWith(prefix)) {
                storage.removeItem(key);
            }
        }
    }

    // A field the server filled with other text wins: after a refused post it echoes what was sent, with the reason.
    function restore(root) {
        const fields = root.querySelectorAll?.("form[data-draft] textarea, form[data-draft] input") ?? [];
        for (const field of fields) {
            if (!isDraftField(field)) {
                continue;
            }

            // While its post is on its way the page may be patched (an enhanced form): the answer decides first.
            const pending = read(pendingKey);
            if (pending && pending.k === formKey(field.form) && window.Blazor && field.form.hasAttribute("data-enhance")) {
                continue;
            }

            const draft = read(fieldKey(field));
            if (draft && typeof draft.v === "string" && draft.v !== field.value && (field.value === "" || field.value === draft.b)) {
                field.value = draft.v;
                // An interactive component bound to the field learns the value as if it had been typed.
                field.dispatchEvent(new Event("input", { bubbles: true }));
                field.dispatchEvent(new Event("change", { bubbles: true }));
            }
        }
    }

    // A successful post answers with a redirect (post, redirect, get); a refusal or a preview answers with the page and
    // the text in it; a post that never arrived leaves a page the person reloads. Only the first clears the draft, and
    // not a redirect to sign-in (the session ended: the text was not taken).
    function settle(succeeded, landedOn) {
        const pending = read(pendingKey);
        storage.removeItem(pendingKey);
        if (pending && succeeded && !signIn.test(landedOn) && Date.now() - pending.t < pendingMaxAgeMs) {
            drop(pending.k);
        }
    }

    function redirectedHere() {
        const navigation = performance.getEntriesByType?.("navigation")[0];
        return navigation?.type === "navigate" && navigation.redirectCount > 0;
    }

    // The field being typed in, and where: an interactive island that starts draws its prerendered form again, and the
    // new field takes the focus and the caret back so the next key lands where the last one did.
    let typing = null;

    document.addEventListener("input", event => {
        if (isDraftField(event.target)) {
            save(event.target);
            if (event.isTrusted && event.target.id) {
                typing = { element: event.target, caret: event.target.selectionEnd };
            }
        }
    });

    document.addEventListener("focusin", event => {
        // Focused but not typed in yet: the field drawn again in its place should still get the first key.
        if (isDraftField(event.target) && event.target.id && typing?.element !== event.target) {
            typing = { element: event.target, caret: event.target.selectionEnd };
        }
    });

    document.addEventListener("focusout", event => {
        // A move to another control is the person's own; only a field removed under the focus is given it back.
        if (event.relatedTarget) {
            typing = null;
        }
    });

    function refocus() {
        // Only when the field itself was replaced (it is no longer in the page) and nothing else has the focus.
        const active = document.activeElement;
        if (!typing || typing.element.isConnected || (active && active !== document.body)) {
            return;
        }

        const { element, caret: last } = typing;
        typing = null;
        const field = document.getElementById(element.id);
        if (field && isDraftField(field)) {
            field.focus();
            const caret = Math.min(last ?? field.value.length, field.value.length);
            field.setSelectionRange?.(caret, caret);
        }
    }

    document.addEventListener("submit", event => {
        const form = event.target;
        if (form instanceof HTMLFormElement && form.hasAttribute("data-draft")) {
            write(pendingKey, { k: formKey(form), t: Date.now() });
        }
    });

    // Forms posted by Blazor (data-enhance) are answered in the page. A taken post redirects to a page without the
    // text; a refusal or a preview echoes it into the field. So the post succeeded when the form it came from no
    // longer holds server-rendered text (or is gone, as the partner form is once its application is in).
    function settleEnhanced() {
        const pending = read(pendingKey);
        if (!pending) {
            return;
        }

        const echoed = [...document.querySelectorAll("form[data-draft] textarea, form[data-draft] input")]
            .some(field => isDraftField(field) && formKey(field.form) === pending.k && field.defaultValue !== "");
        settle(!echoed, location.pathname);
        restore(document);
    }
    window.Blazor?.addEventListener?.("enhancedload", settleEnhanced);

    window.livingLabDrafts.taken = form => {
        if (!(form instanceof HTMLFormElement)) {
            return;
        }

        const key = formKey(form);
        drop(key);
        if (read(pendingKey)?.k === key) {
            storage.removeItem(pendingKey);
        }
    };

    settle(redirectedHere(), location.pathname);
    restore(document);

    // Parts of the page drawn again (an interactive component starting, an enhanced post) get their drafts back too.
    new MutationObserver(records => {
        for (const record of records) {
            for (const node of record.addedNodes) {
                if (node.nodeType === Node.ELEMENT_NODE) {
                    restore(node.matches("textarea, input") ? node.parentElement : node);
                }
            }
        }

        refocus();
    }).observe(document.documentElement, { childList: true, subtree: true });
})();
