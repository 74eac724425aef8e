-- Each device points at its newest accepted reading, so a reading that continues the history (the usual case)
-- is checked against it without searching the history (PORTAL-METER-1, -2).
ALTER TABLE DEVICE ADD COLUMN LAST_READING_ID BIGINT;
UPDATE DEVICE SET LAST_READING_ID = (
  SELECT r.ID FROM METER_READING r WHERE r.DEVICE_ID = DEVICE.ID AND r.READING_DATE = (
    SELECT MAX(r2.READING_DATE) FROM METER_READING r2 WHERE r2.DEVICE_ID = DEVICE.ID));
