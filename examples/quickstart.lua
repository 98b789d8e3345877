-- Specloom quick start. With no accounts file every provider runs on the offline sandbox: loopback
-- simulators built from the specs, with seed data. Point --accounts at real credentials to run it for real.
local stripe = app.integrations.stripe
local chartmogul = app.integrations.chartmogul
local chargeover = app.integrations.chargeover

local function money(cents, currency)
  cents = math.floor(cents + 0.5)
  return string.format("%d.%02d %s", math.floor(cents / 100), cents % 100, string.upper(currency))
end

print("== Stripe: a product, a monthly price, a subscriber and a payment")
local product = stripe.create_product({ name = "Quick Start Pro", description = "Everything in Pro" })
local price = stripe.create_price({
  product = product.id, unit_amount = 2900, currency = "usd", recurring_interval = "month",
})
local customer = stripe.create_customer({ name = "Ada Lovelace", email = "ada@example.com" })
local subscription = stripe.create_subscription({ customer = customer.id, price = price.id })
print(string.format("%s subscribes to %s at %s per %s: %s (%s)", customer.name, product.name,
  money(price.unit_amount, price.currency), price.recurring.interval, subscription.id, subscription.status))

-- A server-side confirmation: no redirect-based payment methods, so no return_url is needed.
local intent = stripe.create_payment_intent({
  amount = 4900, currency = "usd", customer = customer.id, description = "Onboarding workshop",
  automatic_payment_methods_enabled = true, automatic_payment_methods_allow_redirects = "never",
})
local paid = stripe.confirm_payment_intent({ id = intent.id, payment_method = "pm_card_visa" })
print(string.format("Payment %s for %s: %s", paid.id, money(paid.amount_received, paid.currency), paid.status))
for _, b in ipairs(stripe.get_balance({}).available) do
  print("Balance available: " .. money(b.amount, b.currency))
end

print("== ChartMogul: monthly recurring revenue, Q1 2025")
local metrics = chartmogul.get_metrics({ start_date = "2025-01-01", end_date = "2025-03-31", interval = "month" })
for _, entry in ipairs(metrics.entries) do
  print(string.format("%s  MRR %s  ARR %s  customers %d", entry.date, money(entry.mrr, "usd"),
    money(entry.arr, "usd"), entry.customers))
end

print("== ChargeOver: open invoices")
local invoices = chargeover.list_invoices({ status = "open", limit = 10 })
for _, inv in ipairs(invoices.invoices) do
  print(string.format("#%s  %s  due %s  (%s)", inv.refnumber, money(inv.total * 100, inv.currency_iso4217),
    inv.due_date, inv.invoice_status_name))
end

-- Arguments are checked against the spec before anything is sent.
local ok, err = pcall(stripe.get_customer, { custmer = customer.id })
print("== A typo is caught before any request: " .. tostring(err))
