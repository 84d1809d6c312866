/**
 * How the Node language server is started: the V8 flags the client (desktop and remote VS Code), the LSP
 * tests and the benchmarks give `dist/server.js`, so that what is measured is what users run.
 *
 * `--max-semi-space-size=32` (MB; V8's default in Node 20 is 16): each edit of a big table makes a new page
 * model whose wrappers of the rows and dates below the edit (model/shift.ts) outlive a young-generation
 * collection, and the one before dies. With 16 MB a collection came after every row inserted in a
 * 50,000-row table and copied the new model's ~7 MB (about 20 ms of a 35 ms check); with 32 MB most
 * models die young, uncopied: 18 ms (docs/performance.md). It costs at most 32 MB more of young space, used
 * only by a server that allocates that fast. The command line and its workers keep V8's default (measured
 * there: no gain).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
