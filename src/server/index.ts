/** `motcua/server`: the HTTP API of `motcua serve`, to run or to extend with more routes. */
export { type MotcuaContext, type ServerOptions, createServer } from './app.ts';
export { type AuthConfig, AuthError, type Principal, actorOf, authenticate, hashToken, lookupSecret, newToken, parseAuth } from './auth.ts';
export { type RouteDoc, openApiDocument } from './openapi.ts';
export { type Detail, type Problem, langOfAccept, problem, problemOf, statusOf } from './problem.ts';
export { type ServeOptions, type Served, openStore, readAuth, serve } from './serve.ts';
