// The shape every server part shares: a WHATWG request in, a response out (Node, edge or test alike).
export type Handler = (request: Request) => Promise<Response>;
