// The server's handlers share the plain HTTP handler shape with the proxy.
export type { Handler } from '../http/handler';
