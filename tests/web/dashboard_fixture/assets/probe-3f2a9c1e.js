// The fixture's script (an ES module from /assets, as Vite builds them). It writes what the
// page could do into the page, for tests/web/test_dashboard_shell.py to read.
const show = (id, text) => {
  document.getElementById(id).textContent = text;
};
const violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  show("violations", violations.join(" | "));
});
show("path", window.location.pathname);

fetch("/api/session", { credentials: "same-origin" })
  .then(async (response) => {
    const body = await response.json();
    show("user", response.ok ? body.user : `none (${response.status})`);
  })
  .catch((error) => show("user", `error ${error}`));

fetch("/healthz")
  .then((response) => show("fetch", `ok ${response.status}`))
  .catch((error) => show("fetch", `blocked ${error}`));

fetch("http://other.invalid/probe")
  .then(() => show("other", "loaded"))
  .catch(() => show("other", "blocked"));

try {
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(url, "graphql-transport-ws");
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
  });
  socket.addEventListener("message", (event) => {
    show("ws", `open ${JSON.parse(event.data).type}`);
    socket.close();
  });
  socket.addEventListener("error", () => show("ws", "error"));
} catch (error) {
  show("ws", `blocked ${error}`);
}

// Styles: the CSSOM (what Preact's style prop does) is allowed, a style attribute is not.
const styled = (set) => {
  const probe = document.createElement("span");
  document.querySelector("main").append(probe);
  set(probe);
  return getComputedStyle(probe).color === "rgb(1, 2, 3)";
};
show("cssom", styled((e) => (e.style.cssText = "color: rgb(1, 2, 3)")) ? "applied" : "refused");
show("styleattr", styled((e) => e.setAttribute("style", "color: rgb(1, 2, 3)")) ? "applied" : "refused");

// No eval: new Function (vega's expression compiler) is refused.
try {
  show("eval", new Function("return 'ran'")());
} catch {
  show("eval", "refused");
}
