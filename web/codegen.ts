import type { CodegenConfig } from '@graphql-codegen/cli';

// The generated folder is committed so that a checkout builds without running codegen;
// `npm run codegen:check` regenerates it elsewhere and fails on any difference, so a
// schema change that breaks a document of the dashboard fails CI.
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as plain strings: sending them needs no graphql runtime in the bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: true,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
