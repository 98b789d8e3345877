-- Specloom quick start: runs with no accounts and no network.
-- Every provider's reference is generated from its spec and readable from Lua.
for _, provider in ipairs({ "stripe", "chartmogul", "chargeover" }) do
  local doc = lua_read_doc("integrations." .. provider)
  print(doc:match("^# ([^\n]+)") .. " — " .. #doc .. " characters of reference")
end

-- One function's section of the reference.
print(lua_read_doc("integrations.stripe.create_price"):match("^[^\n]+\n\n([^\n]+)"))

-- Arguments are checked against the spec before anything is sent.
local checks = {
  function() return app.integrations.stripe.list_customers({ limit = 500 }) end,
  function() return app.integrations.stripe.create_price({ product = "prod_1", currency = "usd" }) end,
  function() return app.integrations.stripe.get_customer({ custmer = "cus_1" }) end,
  function() return app.integrations.stripe.list_invoices({ status = "pending" }) end,
}
for _, check in ipairs(checks) do
  local ok, err = pcall(check)
  print((ok and "accepted: " or "rejected: ") .. tostring(err))
end
