-- Optimistic locking: every mutable record counts its committed changes; a write names the version it read
-- (REST: ETag / If-Match), so no update is lost.
ALTER TABLE ORGANISATION ADD COLUMN VERSION BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE DEVICE ADD COLUMN VERSION BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE CONTRACT ADD COLUMN VERSION BIGINT DEFAULT 0 NOT NULL;

-- PORTAL-ACCT-1: a device changes owner only by a dated transfer. Each row is one period of ownership, from
-- OWNED_FROM (NULL: since the device was registered) to the day before OWNED_TO (NULL: owned now). What happened
-- in a period (meter readings, later orders and invoices) stays with the organisation that owned the device then.
CREATE TABLE DEVICE_OWNERSHIP (
  ID BIGINT NOT NULL PRIMARY KEY,
  DEVICE_ID BIGINT NOT NULL REFERENCES DEVICE (ID),
  ORGANISATION_ID BIGINT NOT NULL REFERENCES ORGANISATION (ID),
  OWNED_FROM DATE,
  OWNED_TO DATE
);
CREATE INDEX IX_OWNERSHIP_DEVICE ON DEVICE_OWNERSHIP (DEVICE_ID, OWNED_TO);
CREATE INDEX IX_OWNERSHIP_ORG ON DEVICE_OWNERSHIP (ORGANISATION_ID, DEVICE_ID);
-- every existing device has been owned by its organisation since it was registered
INSERT INTO DEVICE_OWNERSHIP (ID, DEVICE_ID, ORGANISATION_ID) SELECT ID, ID, ORGANISATION_ID FROM DEVICE;
INSERT INTO ID_SEQUENCE (SEQ_NAME, SEQ_COUNT) SELECT 'DEVICE_OWNERSHIP', COALESCE(MAX(ID), 0) FROM DEVICE;
