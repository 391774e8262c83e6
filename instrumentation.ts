/** Next runs this once per server process before serving requests (Node and edge runtimes). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The client address must be taken from the socket; see lib/auth/client-ip.ts.
    const { installClientIpStamp } = await import("./lib/auth/client-ip-stamp");
    installClientIpStamp();
  }
}
