// gitstudio's GraphiQL: renders the vendored GraphiQL (no CDN) against this server's
// /graphql. URL parameters: headers (JSON, e.g. the token link `gitstudio serve --demo`
// prints), q (the query), variables. Subscriptions go over the same URL as a websocket;
// the headers editor's values travel in connection_init, where gitstudio reads the token.
// Signed in through /login, no token is needed: the session cookie goes with every request,
// and its CSRF token (GET api/session) in X-CSRF-Token, which a POST signed in by a cookie
// must carry (gitstudio/sessions.py).
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var endpoint = window.location.origin + window.location.pathname;

  function websocketUrl(httpUrl) {
    var url = new URL(httpUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.hash = "";
    return url.toString();
  }

  function remember(name, value) {
    var next = new URLSearchParams(window.location.search);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    var search = next.toString();
    window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
  }

  function fetcherFor(csrfToken) {
    return GraphiQL.createFetcher({
      url: endpoint,
      subscriptionUrl: websocketUrl(endpoint),
      headers: csrfToken ? { "X-CSRF-Token": csrfToken } : {},
    });
  }

  var defaultQuery =
    "# gitstudio: put your token in the Headers tab below as\n" +
    '# {"Authorization": "token <TOKEN>"}, then run (Ctrl-Enter).\n' +
    "{\n  projects(first: 10) {\n    nodes {\n      name\n      commits { totalCount }\n    }\n  }\n}\n";

  function App(props) {
    return React.createElement(GraphiQL, {
      fetcher: props.fetcher,
      defaultQuery: defaultQuery,
      query: params.get("q") || undefined,
      variables: params.get("variables") || undefined,
      headers: params.get("headers") || undefined,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: Boolean(params.get("headers")) && "headers",
      onEditQuery: function (value) {
        remember("q", value);
      },
      onEditVariables: function (value) {
        remember("variables", value);
      },
    });
  }

  // Accessibility (axe-core, tests/web): each CodeMirror 5 editor's input textarea gets the
  // editor's name, and its scroller (a region that scrolls when a line is long) keyboard
  // focus, so arrow keys scroll it. Editors mount (and tabs remount them) after the first
  // render, hence the observer; each check is a few selector lookups.
  var EDITOR_NAMES = [
    [".graphiql-query-editor", "Query"],
    [".graphiql-editor-tool > .graphiql-editor:nth-of-type(1)", "Variables"],
    [".graphiql-editor-tool > .graphiql-editor:nth-of-type(2)", "Headers"],
    [".result-window", "Result"],
  ];

  function describeEditors(root) {
    EDITOR_NAMES.forEach(function (pair) {
      var inside = pair[0] + " .CodeMirror ";
      root.querySelectorAll(inside + "textarea:not([aria-label])").forEach(function (input) {
        input.setAttribute("aria-label", pair[1]);
      });
      root.querySelectorAll(inside + ".CodeMirror-scroll[tabindex='-1']").forEach(function (scroller) {
        scroller.setAttribute("tabindex", "0");
        scroller.setAttribute("role", "region");
        scroller.setAttribute("aria-label", pair[1] + " (scroll)");
      });
    });
  }

  function render(csrfToken) {
    var container = document.getElementById("graphiql");
    new MutationObserver(function () {
      describeEditors(container);
    }).observe(container, { childList: true, subtree: true });
    var root = ReactDOM.createRoot(container);
    root.render(React.createElement(App, { fetcher: fetcherFor(csrfToken) }));
  }

  // Relative: right under a proxy's path prefix too, as the page's assets are.
  fetch(new URL("api/session", window.location.href), { credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.json() : {};
    })
    .then(
      function (session) {
        render(session.csrf_token);
      },
      function () {
        render(null); // not signed in (or no answer): a token in the headers still works
      },
    );
})();
