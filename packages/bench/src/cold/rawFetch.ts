/** Cold start: global `fetch` — one list call, JSON parsed, exit. */
const response = await fetch(`${process.argv[2] ?? ""}/v1/organizations/org_cold/memberships?limit=10`, {
  headers: { authorization: "Bearer sk_test_cold" }
})
await response.json()
