/** Stylesheets imported as text (esbuild's `text` loader, scripts/build.mjs): the report inlines them. */
declare module '*.css' {
  const text: string;
  export default text;
}
