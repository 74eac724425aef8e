-- The measured side of the SLA clock (issue 9): one row per order, written in the order's own transactions, so the
-- reports aggregate in the database instead of computing order by order. Portable SQL for Derby and PostgreSQL.
-- CATEGORY is the order's category fact (KMNO-SLA-1: Driftsstans, Annet), DEADLINE the vendor rule's deadline before
-- any pause (NULL: no target, e.g. beyond the distance limit). RESPONSE_MINUTES: business minutes used until the
-- response, pauses excluded. BREACHED_AT: when its business time ran out, recorded once when detected (by the sweep
-- or at the response; an ORDER_EVENT 'BREACHED' with it); MISSED_MINUTES: by how much, final at the response.
-- ENDED_AT: when the order left the open states (resolved, closed, cancelled), the end of an outage (KMNO-SLA-2).
CREATE TABLE ORDER_SLA (
  ORDER_ID BIGINT NOT NULL PRIMARY KEY REFERENCES SERVICE_ORDER (ID),
  CONTRACT_ID BIGINT NOT NULL REFERENCES CONTRACT (ID),
  DEVICE_ID BIGINT NOT NULL REFERENCES DEVICE (ID),
  ORGANISATION_ID BIGINT NOT NULL REFERENCES ORGANISATION (ID),
  ORDER_NUMBER VARCHAR(40) NOT NULL,
  MARKET VARCHAR(8) NOT NULL,
  CATEGORY VARCHAR(30),
  REGISTERED_AT TIMESTAMP NOT NULL,
  DEADLINE TIMESTAMP,
  RESPONDED_AT TIMESTAMP,
  RESPONSE_MINUTES BIGINT,
  BREACHED_AT TIMESTAMP,
  MISSED_MINUTES BIGINT,
  BREACH_DETECTED_AT TIMESTAMP,
  ENDED_AT TIMESTAMP
);
-- the report's ranges: a contract's or a market's orders by registration, breaches by when, outages by category
CREATE INDEX IX_SLA_CONTRACT ON ORDER_SLA (CONTRACT_ID, REGISTERED_AT);
CREATE INDEX IX_SLA_MARKET ON ORDER_SLA (MARKET, REGISTERED_AT);
CREATE INDEX IX_SLA_BREACH ON ORDER_SLA (CONTRACT_ID, BREACHED_AT);
CREATE INDEX IX_SLA_BREACHED ON ORDER_SLA (MARKET, BREACHED_AT);
CREATE INDEX IX_SLA_CATEGORY ON ORDER_SLA (CATEGORY, MARKET, REGISTERED_AT);
-- the sweep's candidates: past the deadline, no response, no breach yet
CREATE INDEX IX_SLA_OVERDUE ON ORDER_SLA (DEADLINE, RESPONDED_AT, BREACHED_AT);

-- the orders registered before this migration: no category or response minutes known (left out of the averages);
-- their breaches are detected by the next sweep
INSERT INTO ORDER_SLA (ORDER_ID, CONTRACT_ID, DEVICE_ID, ORGANISATION_ID, ORDER_NUMBER, MARKET, REGISTERED_AT,
  DEADLINE, RESPONDED_AT)
  SELECT ID, CONTRACT_ID, DEVICE_ID, ORGANISATION_ID, ORDER_NUMBER, MARKET, REGISTERED_AT, DEADLINE, RESPONDED_AT
  FROM SERVICE_ORDER;
UPDATE ORDER_SLA SET ENDED_AT = (SELECT MIN(e.AT_TIME) FROM ORDER_EVENT e WHERE e.ORDER_ID = ORDER_SLA.ORDER_ID
  AND e.TO_STATE IN ('RESOLVED', 'CLOSED', 'CANCELLED'));
