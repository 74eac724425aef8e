-- Set-based billing runs (issue 10): what was billed per charge key of a page of contracts is read from the index
-- alone (it covers the amount), and a page's service orders by contract (PostgreSQL does not index foreign keys).
CREATE INDEX IX_LINE_BILLED ON INVOICE_LINE (CONTRACT_ID, CHARGE_KEY, AMOUNT);
DROP INDEX IX_LINE_CONTRACT_KEY;
CREATE INDEX IX_ORDER_CONTRACT ON SERVICE_ORDER (CONTRACT_ID);
