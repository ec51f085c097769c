/** The OpenAPI description of this module's endpoints, merged into `/api/v1/openapi.json`. */
const localized = { $ref: "#/components/schemas/LocalizedText" };
const errorResponse = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

export const referenceDataOpenApi = {
  paths: {
    "/vocabularies": {
      get: {
        summary: "Controlled vocabularies: human rights themes and affected-persons groups",
        responses: {
          "200": {
            description: "The vocabularies",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Vocabularies" } } },
              },
            },
          },
        },
      },
    },
    "/mechanisms": {
      get: {
        summary: "UPR cycles and sessions, the ten Treaty Bodies, Special Procedures mandates",
        responses: {
          "200": {
            description: "The mechanisms",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Mechanisms" } } },
              },
            },
          },
        },
      },
    },
    "/countries": {
      get: {
        summary: "UN Member States and observer States",
        parameters: [
          {
            name: "group",
            in: "query",
            schema: {
              type: "string",
              enum: [
                "african",
                "asia-pacific",
                "eastern-european",
                "latin-american-caribbean",
                "western-european-other",
              ],
            },
          },
          { name: "status", in: "query", schema: { type: "string", enum: ["ldc", "lldc", "sids"] } },
        ],
        responses: {
          "200": {
            description: "States, sorted by name in the request's language",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: { $ref: "#/components/schemas/Country" } },
                    meta: { type: "object" },
                  },
                },
              },
            },
          },
          "400": errorResponse,
        },
      },
    },
    "/countries/{iso3}": {
      get: {
        summary: "One State by ISO 3166-1 alpha-3 code",
        parameters: [
          { name: "iso3", in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z]{3}$" } },
        ],
        responses: {
          "200": {
            description: "The State",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Country" } } },
              },
            },
          },
          "404": errorResponse,
        },
      },
    },
    "/sdgs": {
      get: {
        summary: "The 17 Sustainable Development Goals with their 169 targets",
        parameters: [{ name: "include", in: "query", schema: { type: "string", enum: ["indicators"] } }],
        responses: {
          "200": {
            description: "Goals in order",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { data: { type: "array", items: { $ref: "#/components/schemas/SdgGoal" } } },
                },
              },
            },
          },
          "400": errorResponse,
        },
      },
    },
    "/sdgs/{goal}": {
      get: {
        summary: "One goal with its targets and indicators",
        parameters: [
          { name: "goal", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 17 } },
        ],
        responses: {
          "200": {
            description: "The goal",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: { $ref: "#/components/schemas/SdgGoal" } } },
              },
            },
          },
          "404": errorResponse,
        },
      },
    },
  },
  schemas: {
    Vocabularies: {
      type: "object",
      description:
        "Human rights themes (UPR Info issues; UHRI themes, with legacy codes where known) and affected-persons groups",
      properties: {
        themes: {
          type: "array",
          items: {
            type: "object",
            properties: {
              code: { type: "string" },
              scheme: { type: "string", enum: ["upr-info", "uhri"] },
              label: { type: "string" },
              legacyCode: { type: ["string", "null"] },
            },
          },
        },
        affectedPersons: {
          type: "array",
          items: { type: "object", properties: { code: { type: "string" }, label: { type: "string" } } },
        },
      },
    },
    Mechanisms: {
      type: "object",
      properties: {
        upr: { type: "object", properties: { cycles: { type: "array", items: { type: "object" } } } },
        treatyBodies: {
          type: "array",
          items: {
            type: "object",
            properties: { code: { type: "string" }, names: localized, instrument: { type: "string" } },
          },
        },
        specialProcedures: {
          type: "array",
          items: {
            type: "object",
            properties: {
              code: { type: "string" },
              kind: { type: "string", enum: ["thematic", "country"] },
              title: { type: "string" },
            },
          },
        },
      },
    },
    Country: {
      type: "object",
      required: ["iso3", "iso2", "m49", "unStatus", "names"],
      properties: {
        iso3: { type: "string" },
        iso2: { type: "string" },
        m49: { type: "string" },
        unStatus: { type: "string", enum: ["member", "observer"] },
        regionalGroup: { type: ["string", "null"] },
        ldc: { type: "boolean" },
        lldc: { type: "boolean" },
        sids: { type: "boolean" },
        developmentStatusAsOf: { type: "string", description: "Date the LDC/LLDC/SIDS flags are as of" },
        names: localized,
        formalNames: localized,
      },
    },
    SdgGoal: {
      type: "object",
      properties: {
        code: { type: "integer" },
        short: localized,
        title: localized,
        targets: {
          type: "array",
          items: {
            type: "object",
            properties: {
              code: { type: "string" },
              title: localized,
              indicators: {
                type: "array",
                items: { type: "object", properties: { code: { type: "string" }, title: localized } },
              },
            },
          },
        },
      },
    },
  },
};
