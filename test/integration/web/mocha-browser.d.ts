// mocha's browser build: imported for its effect (it defines the global `mocha`, typed by @types/mocha).
declare module 'mocha/mocha.js' {}
