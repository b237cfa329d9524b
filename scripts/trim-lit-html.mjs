// lit-html without what garde's templates never use, for the drop-ins (dist/garde.js…), whose
// lit-html also renders the on-demand files (window.gardeKit). garde's templates are html`` only;
// they bind text, arrays of templates, attributes, properties (`.x`), boolean attributes (`?x`)
// and listener functions (`@x`), hold no comment, and use no directive. What goes, ~880 B gzip of
// dist/garde.js: the directive machinery (resolveDirective, noChange, the async directives'
// connection hooks, the part getters and fields directives read), element bindings (`<div ${x}>`),
// comments and bindings in them, bindings in raw-text elements (script, style, textarea, title),
// svg`` and mathml`` templates, compiled templates (`_$litType$` objects from Lit's template
// compiler), listener objects with options, non-array iterables, render()'s `renderBefore`, and the
// hooks for Lit's polyfills and version list. Rendering is otherwise lit-html's own code; the
// trusted-types policy and the check of the template strings stay. The ESM build (dist/esm) keeps
// lit as a dependency, untrimmed.
//
// Each cut is an exact text of lit-html's published production build: the build fails if one is
// not found (another lit-html version: check the cuts against its lit-html.js), if a template
// holds what the trimmed lexer no longer knows (checkTrimmedTemplate), or if a bundled module
// imports a directive. A cut depends on the names in scope where it lands (lit-html's locals are
// one letter): the tests of the built files (test/components/built*.test.ts, test/garde.test.ts)
// render every element with it.

/** [what, replacement, how many times]: applied in order to node_modules/lit-html/lit-html.js. */
const CUTS = [
  // The identity `wrap` (for the ShadyDOM polyfill), and the polyfill and version hooks.
  ['i=t=>t,', ''],
  ['const s=i(t).nextSibling;i(t).remove()', 'const s=t.nextSibling;t.remove()'],
  [',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', ';'],
  // svg`` and mathml`` templates.
  ['l=2===i?"<svg>":3===i?"<math>":""', 'l=""'],
  ['+(2===i?"</svg>":3===i?"</math>":"")', ''],
  [
    'if(this.el=S.createElement(f,e),P.currentNode=this.el.content,2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}',
    'this.el=S.createElement(f,e),P.currentNode=this.el.content;',
  ],
  // Raw-text elements (their content is text, bindings in it are split by hand).
  ['(y.test(u[2])&&(n=RegExp("</"+u[2],"g")),c=p)', 'c=p'],
  [
    'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
    '',
  ],
  // Comments: the build's minifier removes them from every template.
  ['_=/-->/g,', ''],
  ['"!--"===u[1]?c=_:', ''],
  ['c===_||c===m?c=v', 'c===m?c=v'],
  // Bindings in comments, element bindings and their part.
  [
    'else{let t=-1;for(;-1!==(t=r.data.indexOf(o,t+1));)d.push({type:7,index:l}),t+=o.length-1}',
    '',
  ],
  ['else t.startsWith(o)&&(d.push({type:6,index:l}),r.removeAttribute(t))', ''],
  [
    '2===r.type?i=new k(h,h.nextSibling,this,t):1===r.type?i=new r.ctor(h,r.name,r.strings,this,t):6===r.type&&(i=new Z(h,this,t))',
    'i=2===r.type?new k(h,h.nextSibling,this,t):new r.ctor(h,r.name,r.strings,this,t)',
  ],
  [
    'class Z{constructor(t,i,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){M(this,t)}}',
    '',
  ],
  [',F:Z}', '}'],
  // Directives: a value is rendered as it is.
  [
    'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
    '',
  ],
  ['_$AI(t,i=this){t=M(this,t,i),a(t)?', '_$AI(t){a(t)?'],
  ['if(void 0===h)t=M(this,t,i,0),o=', 'if(void 0===h)o='],
  ['r=M(this,e[s+n],i,n),', 'r=e[s+n],'],
  // Listeners are functions, never objects with options (`{ handleEvent, once }`), called on the
  // element that renders (GardeElement gives render() its `host`).
  [
    '_$AI(t,i=this){if((t=M(this,t,i,0)??A)===E)return;const s=this._$AH,e=t===A&&s!==A||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,h=t!==A&&(s===A||e);e&&this.element.removeEventListener(this.name,this,s),h&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){"function"==typeof this._$AH?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}',
    '_$AI(t){t??=A;const s=this._$AH;t===A&&s!==A&&this.element.removeEventListener(this.name,this),t!==A&&s===A&&this.element.addEventListener(this.name,this),this._$AH=t}handleEvent(t){this._$AH.call(this.options.host,t)}',
  ],
  [',V:M,', ','],
  ['this._$AN=void 0,', '', 3],
  ['get _$AU(){return this._$AM._$AU}', '', 2],
  ['get _$AU(){return this._$AM?._$AU??this._$Cv}', ''],
  [',this._$Cv=e?.isConnected??!0', ''],
  [
    '_$AR(t=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);',
    '_$AR(t=this._$AA.nextSibling){for(;',
  ],
  ['setConnected(t){void 0===this._$AM&&(this._$Cv=t,this._$AP?.(t))}', ''],
  ['get parentNode(){return this._$AM.parentNode}', ''],
  [
    'get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return void 0!==i&&11===t?.nodeType&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}',
    '',
  ],
  ['get tagName(){return this.element.tagName}', ''],
  ['(t?.creationScope??l).importNode', 'l.importNode'],
  // Every binding of a template has its part (none is left out for a comment binding).
  [
    'p(t){let i=0;for(const s of this._$AV)void 0!==s&&(void 0!==s.strings?(s._$AI(t,s,i),i+=s.strings.length-2):s._$AI(t[i])),i++}',
    'p(t){let i=0;for(const s of this._$AV)void 0!==s.strings?(s._$AI(t,s,i),i+=s.strings.length-2):s._$AI(t[i]),i++}',
  ],
  // A part's `type`, which only directives read.
  ['constructor(t,i,s,e){this.type=2,', 'constructor(t,i,s,e){'],
  ['constructor(t,i,s,e,h){this.type=1,', 'constructor(t,i,s,e,h){'],
  ['class I extends H{constructor(){super(...arguments),this.type=3}', 'class I extends H{'],
  ['class L extends H{constructor(){super(...arguments),this.type=4}', 'class L extends H{'],
  ['class z extends H{constructor(t,i,s,e,h){super(t,i,s,e,h),this.type=5}', 'class z extends H{'],
  // A part's parent (`_$AM`), which only the getters above read.
  ['this._$AD=t,this._$AM=i}', 'this._$AD=t}'],
  ['this._$AB=i,this._$AM=s,', 'this._$AB=i,'],
  ['this.name=i,this._$AM=e,', 'this.name=i,'],
  // `noChange`, which only a directive or an import of it gives.
  ['t!==this._$AH&&t!==E&&this._(t)', 't!==this._$AH&&this._(t)'],
  ['o=!a(t)||t!==this._$AH&&t!==E,', 'o=!a(t)||t!==this._$AH,'],
  ['r===E&&(r=this._$AH[n]),', ''],
  // Iterables other than arrays: garde's templates render arrays.
  ['d=t=>u(t)||"function"==typeof t?.[Symbol.iterator],', ''],
  ['d(t)?this.k(t)', 'u(t)?this.k(t)'],
  ['D:d,', ''],
  // The template element, made where it is used (Lit keeps a static for its polyfills).
  ['static createElement(t,i){const s=l.createElement("template");return s.innerHTML=t,s}', ''],
  [
    'this.el=S.createElement(f,e),P.currentNode=this.el.content;',
    'this.el=document.createElement("template"),this.el.innerHTML=f,P.currentNode=this.el.content;',
  ],
  // render() without `renderBefore` (garde renders into a shadow root, with options always given).
  [
    'const D=(t,i,s)=>{const e=s?.renderBefore??i;let h=e._$litPart$;if(void 0===h){const t=s?.renderBefore??null;e._$litPart$=h=new k(i.insertBefore(c(),t),t,void 0,s??{})}',
    'const D=(t,i,s)=>{let h=i._$litPart$;if(void 0===h){i._$litPart$=h=new k(i.insertBefore(c(),null),null,void 0,s)}',
  ],
  // Compiled templates.
  [
    'const{values:i,_$litType$:s}=t,e="number"==typeof s?this._$AC(t):(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s);',
    'const{values:i}=t,e=this._$AC(t);',
  ],
  // The check that a template's strings are a template literal's stays (it keeps JSON or a page's
  // array from passing for one); its message goes: garde's code only calls html`` as a tag.
  ['throw Error("invalid template strings array")', 'throw Error()'],
];

/**
 * Public property names of lit-html's parts, templates and template results that, with the
 * directives gone, only lit-html itself reads: given the `_$` prefix of its own private names, so
 * that terser renames them too (~25 B gzip). `host` stays: GardeElement gives it in render()'s
 * options. Template results are made by the `html` of the same file (also the kit's), never by
 * garde's code.
 */
const PRIVATE_NAMES = [
  'element',
  'options',
  'strings',
  'values',
  'parts',
  'ctor',
  'index',
  'type',
  'el',
  'name',
];

const LIT_HTML = /[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/;
const DIRECTIVES =
  /[\\/]node_modules[\\/]lit-html[\\/](directive|async-directive|directive-helpers)\.js$/;

/** The rollup plugin: the cuts on lit-html.js, and no directive in the bundle. */
export const trimLitHtml = () => ({
  name: 'trim-lit-html',
  transform(code, id) {
    if (DIRECTIVES.test(id))
      this.error(`${id}: a directive needs the whole lit-html (scripts/trim-lit-html.mjs)`);
    if (!LIT_HTML.test(id)) return null;
    let trimmed = code;
    for (const [text, replacement, times = 1] of CUTS) {
      const found = trimmed.split(text).length - 1;
      if (found !== times)
        this.error(
          `scripts/trim-lit-html.mjs: ${JSON.stringify(text.slice(0, 50))} found ${found} times in ${id}, expected ${times}: check the cuts against this lit-html`,
        );
      trimmed = trimmed.replaceAll(text, replacement);
    }
    // A property access (`.name`) or an object key (`{name:`, `,name:`), never a local (one letter
    // in lit-html's production build) or a DOM name (`localName`, `tagName` are other words).
    trimmed = trimmed.replace(
      new RegExp(`(?<=[.{,])(${PRIVATE_NAMES.join('|')})\\b(?![$])`, 'g'),
      (name) => `_$g${name}`,
    );
    if (trimmed.includes('_$AM'))
      this.error('scripts/trim-lit-html.mjs: a part still reads its parent (_$AM)');
    return { code: trimmed, map: null };
  },
});

/** Why a minified html`` text cannot be rendered by the trimmed lit-html, if it cannot. */
export const checkTrimmedTemplate = (text) =>
  /<(script|style|textarea|title|svg|math)\b|<!--/i.test(text)
    ? 'comments, raw-text, svg and math elements need the whole lit-html (scripts/trim-lit-html.mjs)'
    : null;
