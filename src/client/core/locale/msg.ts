// What a screen needs to say its words through @lit/localize: msg(), str and @localized(). From
// the package's own modules rather than its index, which also carries the runtime (the index is
// not tree-shaken): a first load gets these few hundred bytes, and ./runtime.ts comes only when a
// language other than English is chosen (tests/unit/bundle-size.test.ts).
export { msg } from '@lit/localize/init/install.js';
export { str } from '@lit/localize/internal/str-tag.js';
export { localized } from '@lit/localize/internal/localized-decorator.js';
