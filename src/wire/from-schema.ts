// The TypeScript type of a value that a JSON schema (written `as const`) accepts, for the few
// keywords the wire schemas use: type, enum, anyOf, properties + required, additionalProperties,
// items.
// A type-level function of our own rather than a package: the published .d.ts then needs nothing
// that a site's project lacks. Keywords that only narrow a string or number (pattern, maxLength,
// minimum…) do not change the type. A keyword it does not know gives `unknown`, never a wrong type.

/** The type of the values that schema `S` accepts. */
export type FromSchema<S> = S extends { readonly enum: readonly (infer Value)[] }
  ? Value
  : S extends { readonly anyOf: readonly (infer Member)[] }
    ? FromSchema<Member>
    : S extends { readonly type: 'string' }
      ? string
      : S extends { readonly type: 'integer' | 'number' }
        ? number
        : S extends { readonly type: 'boolean' }
          ? boolean
          : S extends { readonly type: 'array'; readonly items: infer Item }
            ? FromSchema<Item>[]
            : S extends { readonly type: 'object'; readonly properties: infer Properties }
              ? ObjectOf<Properties, RequiredKeys<S>>
              : S extends { readonly type: 'object'; readonly additionalProperties: infer Value }
                ? Record<string, FromSchema<Value>>
                : unknown;

type RequiredKeys<S> = S extends { readonly required: readonly (infer Key)[] } ? Key : never;

// Key remapping keeps each property's doc comment from the schema in editors' hovers.
type ObjectOf<Properties, Required> = Flatten<
  {
    -readonly [Key in keyof Properties as Key extends Required ? Key : never]: FromSchema<
      Properties[Key]
    >;
  } & {
    -readonly [Key in keyof Properties as Key extends Required ? never : Key]?: FromSchema<
      Properties[Key]
    >;
  }
>;

type Flatten<T> = { [Key in keyof T]: T[Key] };
