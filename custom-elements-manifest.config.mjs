// `npm run analyze` (@custom-elements-manifest/analyzer): custom-elements.json from the JSDoc and
// the classes of src/components. test/build/manifest.node.test.ts checks it against the code.
export default {
  globs: ['src/components/**/*.ts'],
  litelement: true,
  plugins: [
    {
      // The analyzer reads `this.renderRoot.adoptedStyleSheets = …` in GardeElement's constructor
      // as a field `adoptedStyleSheets` of the element, which it is not (it is the shadow root's).
      name: 'garde-no-shadow-root-fields',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules)
          for (const declaration of module.declarations ?? [])
            if (declaration.members)
              declaration.members = declaration.members.filter(
                (member) => member.name !== 'adoptedStyleSheets',
              );
      },
    },
  ],
};
