// The shape the server, the proxy and their tests share: a WHATWG request in, a response out (Node, edge or test alike).
export type Handler = (request: Request) => Promise<Response>;
