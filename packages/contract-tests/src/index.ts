/**
 * A contract suite for Clerk's Organization Memberships API, runnable against any base URL: cases
 * as data with the source of each expectation, a runner that knows only a base URL, a secret and a
 * `World`, reports (text, JUnit, JSON, HTML), and recordings to compare servers with.
 *
 * @since 0.1.0
 */
export * as Case from "./Case.js"
export type { ContractCase, CaseSpec, CaseRequest, Mismatches } from "./Case.js"
export { AllCases } from "./cases/index.js"
export { CaseFailure, CaseUnsupported } from "./CaseFailure.js"
export * as Exchange from "./Exchange.js"
export * as Probe from "./Probe.js"
export * as Report from "./Report.js"
export type { CaseResult, Outcome, RunHeader, RunReport, Totals } from "./Report.js"
export * as Runner from "./Runner.js"
export * as Server from "./Server.js"
export type { ServerInfo, ServerKind } from "./Server.js"
export * as Suite from "./Suite.js"
export * as World from "./World.js"
export type { Capability, QuotaOrganization, WorldKind, WorldUser } from "./World.js"
export { WorldError, UnknownIds } from "./World.js"
export * as ClerkWorld from "./worlds/ClerkWorld.js"
export * as DiscoverWorld from "./worlds/DiscoverWorld.js"
export * as MockWorld from "./worlds/MockWorld.js"
export * as Embedded from "./Embedded.js"
export * as Source from "./Source.js"
export type { Answer, AnswerInfo, SourceInfo, SourceKind } from "./Source.js"
export * as Assumptions from "./Assumptions.js"
export * as Html from "./report/Html.js"
export * as Recording from "./recording/Recording.js"
export * as RecordingFiles from "./recording/Files.js"
export * as Compare from "./recording/Compare.js"
export * as Observed from "./recording/Observed.js"
export * as Explore from "./explore/Explore.js"
export * as ExploreSteps from "./explore/Step.js"
export * as ExploreReports from "./explore/Reports.js"
export * as RegressionCase from "./regressions/RegressionCase.js"
export * as Regressions from "./regressions/Folder.js"
