/**
 * Cases of `updateMetadata` (PATCH /organizations/{organization_id}/memberships/{user_id}/metadata):
 * the deep merge, `null` deletion at any depth, arrays replaced, one side untouched by a patch of
 * the other.
 */
import { ClerkErrorCodes } from "@clerk-effect/core"
import type { Metadata } from "@clerk-effect/client"
import * as Effect from "effect/Effect"
import { call, type ContractCase, forOperation, raw } from "../Case.js"
import { during } from "../CaseFailure.js"
import type { Probe } from "../Probe.js"
import { UnknownIds } from "../World.js"
import * as Source from "../Source.js"
import { anyError, codeAssumed, declared } from "./sources.js"
import { equal, findUser, mainMembers, scratchMember, spareUser, userIdOf } from "./support.js"
import { pathOf } from "./route.js"

const updateMetadata = forOperation("updateMetadata")

const path = (organizationId: string, userId: string) => pathOf("updateMetadata", { organizationId, userId })

/** The metadata every merge case starts from. */
const Initial = {
  public: { plan: "pro", limits: { seats: 3, storage: { gb: 10, ssd: true } }, tags: ["a", "b"], keep: 1 },
  private: { crm: { id: 42, owner: "sales" }, flags: { beta: true } }
} as const

const seeded = (probe: Probe) =>
  scratchMember(probe, { publicMetadata: Initial.public, privateMetadata: Initial.private })

/** Reads the membership back through the list and compares its metadata. */
const listedMetadata = (probe: Probe, userId: string, publicMetadata: Metadata, privateMetadata: Metadata) =>
  Effect.map(mainMembers(probe), (ms) => {
    const listed = findUser(ms, userId)
    if (listed === undefined) return [`${userId} is not listed after the metadata update`]
    return [
      ...equal("listed public_metadata", listed.publicMetadata, publicMetadata),
      ...(listed.privateMetadata === undefined
        ? []
        : equal("listed private_metadata", listed.privateMetadata, privateMetadata))
    ]
  })

interface MergeSpec {
  readonly name: string
  readonly description: string
  /** The rule of the spec's description the case checks. */
  readonly rule: string
  readonly patch: { readonly publicMetadata?: Metadata; readonly privateMetadata?: Metadata }
  readonly public: Metadata
  readonly private: Metadata
}

const mergeCase = (spec: MergeSpec): ContractCase =>
  updateMetadata({
    name: spec.name,
    status: 200,
    description: spec.description,
    source: declared("updateMetadata", 200, `deep merge: ${spec.rule}`),
    setup: seeded,
    request: (m, probe) => call({ organizationId: probe.world.organizationId, userId: userIdOf(m), ...spec.patch }),
    body: (updated) => [
      ...equal("public_metadata", updated.publicMetadata, spec.public),
      ...equal("private_metadata", updated.privateMetadata, spec.private)
    ],
    after: (_, m, probe) => listedMetadata(probe, userIdOf(m), spec.public, spec.private)
  })

/** The `updateMetadata` cases. */
export const cases: ReadonlyArray<ContractCase> = [
  mergeCase({
    name: "DeepMerge",
    description: "nested objects merge key by key: siblings at every depth are kept",
    rule: "nested JSON objects are merged as well",
    patch: { publicMetadata: { limits: { storage: { gb: 20 } }, region: "eu" } },
    public: {
      plan: "pro",
      limits: { seats: 3, storage: { gb: 20, ssd: true } },
      tags: ["a", "b"],
      keep: 1,
      region: "eu"
    },
    private: Initial.private
  }),
  mergeCase({
    name: "NullDeletes",
    description: "null removes a key at the top level and deep inside",
    rule: "keys at any level are removed by null",
    patch: { publicMetadata: { keep: null, limits: { storage: { ssd: null } } }, privateMetadata: { flags: null } },
    public: { plan: "pro", limits: { seats: 3, storage: { gb: 10 } }, tags: ["a", "b"] },
    private: { crm: { id: 42, owner: "sales" } }
  }),
  mergeCase({
    name: "ArraysReplace",
    description: "arrays and scalars are replaced, not merged",
    rule: "only objects merge (arrays and scalars are values)",
    patch: { publicMetadata: { tags: ["c"], plan: "team" } },
    public: { plan: "team", limits: { seats: 3, storage: { gb: 10, ssd: true } }, tags: ["c"], keep: 1 },
    private: Initial.private
  }),
  mergeCase({
    name: "ObjectReplacesScalar",
    description: "an object patched onto a scalar replaces it; a scalar patched onto an object replaces it",
    rule: "only objects merge (a scalar is a value)",
    patch: { publicMetadata: { keep: { now: "object" }, limits: 5 } },
    public: { plan: "pro", limits: 5, tags: ["a", "b"], keep: { now: "object" } },
    private: Initial.private
  }),
  mergeCase({
    name: "PrivateOnly",
    description: "a patch of private_metadata alone leaves public_metadata untouched",
    rule: "existing values merged with the provided parameters",
    patch: { privateMetadata: { crm: { owner: "support" } } },
    public: Initial.public,
    private: { crm: { id: 42, owner: "support" }, flags: { beta: true } }
  }),
  mergeCase({
    name: "EmptyPatch",
    description: "an empty patch changes nothing",
    rule: "existing values merged with the provided parameters",
    patch: { publicMetadata: {}, privateMetadata: {} },
    public: Initial.public,
    private: Initial.private
  }),
  updateMetadata({
    name: "Sequential",
    status: 200,
    source: declared("updateMetadata", 200, "each patch is merged with the existing values"),
    description: "two patches in a row both take effect (the second merges into the result of the first)",
    setup: (probe) =>
      Effect.tap(seeded(probe), (m) =>
        Effect.mapError(
          probe.call("updateMetadata", {
            organizationId: probe.world.organizationId,
            userId: userIdOf(m),
            publicMetadata: { limits: { seats: 4 } }
          }),
          during("the first patch")
        )
      ),
    request: (m, probe) =>
      call({
        organizationId: probe.world.organizationId,
        userId: userIdOf(m),
        publicMetadata: { limits: { extra: true } }
      }),
    body: (updated) =>
      equal("public_metadata.limits", (updated.publicMetadata as Record<string, unknown>).limits, {
        seats: 4,
        storage: { gb: 10, ssd: true },
        extra: true
      })
  }),
  updateMetadata({
    name: "MalformedBody",
    status: 400,
    source: Source.assumed({
      why: "UpdateOrganizationMembershipMetadata declares 400 ClerkErrors without saying what for, and 422 for invalid parameters: which one a body that is not JSON gets is not stated",
      preferred: "400",
      alternatives: [anyError(422)]
    }),
    description: "a body that is not JSON is refused (sent raw)",
    setup: seeded,
    request: (m, probe) =>
      raw({ method: "PATCH", path: path(probe.world.organizationId, userIdOf(m)), rawBody: "{not json", auth: "valid" })
  }),
  updateMetadata({
    name: "InvalidMetadata",
    status: 422,
    source: declared("updateMetadata", 422, "public_metadata is an object"),
    description: "public_metadata that is not an object is refused (sent raw: the client requires an object)",
    setup: seeded,
    request: (m, probe) =>
      raw({
        method: "PATCH",
        path: path(probe.world.organizationId, userIdOf(m)),
        body: { public_metadata: ["not", "an", "object"] },
        auth: "valid"
      })
  }),
  updateMetadata({
    name: "UnknownMembership",
    status: 404,
    source: codeAssumed("updateMetadata", 404, ClerkErrorCodes.resourceNotFound),
    description: "a user who is not a member is resource_not_found",
    setup: (probe) => spareUser(probe, 1),
    request: (userId, probe) => call({ organizationId: probe.world.organizationId, userId, publicMetadata: { a: 1 } }),
    codes: [ClerkErrorCodes.resourceNotFound]
  }),
  updateMetadata({
    name: "UnknownOrganization",
    status: 404,
    source: codeAssumed("updateMetadata", 404, ClerkErrorCodes.resourceNotFound),
    description: "an organization that does not exist is resource_not_found",
    setup: (probe) =>
      Effect.map(mainMembers(probe), (ms) => (ms[0] === undefined ? UnknownIds.userId : userIdOf(ms[0]))),
    request: (userId) => call({ organizationId: UnknownIds.organizationId, userId, publicMetadata: { a: 1 } }),
    codes: [ClerkErrorCodes.resourceNotFound]
  })
]
