package org.dealerhub.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterReading;
import org.dealerhub.persistence.api.MeterLog;
import org.dealerhub.persistence.api.ReadingRepository;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.UnitOfWork;

final class JpaReadings implements ReadingRepository {

    /** The columns of a reading after its id and device, as {@link #select} reads them. */
    private static final String COLUMNS = "READING_DATE, MONO_A4, COLOUR_A4, MONO_A3, COLOUR_A3, BANNER, SCANS,"
            + " ACCEPTED_AT, ACCEPTED_BY";
    private static final String INSERT = "INSERT INTO METER_READING (ID, DEVICE_ID, " + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM METER_READING WHERE ID = ?";
    private static final String SELECT_DATES = "SELECT " + COLUMNS + " FROM METER_READING WHERE DEVICE_ID = ?"
            + " AND READING_DATE ";

    private final EntityManager em;
    private final JpaDevices devices;
    private final Statements statements;

    JpaReadings(EntityManager em, JpaDevices devices, Statements statements) {
        this.em = em;
        this.devices = devices;
        this.statements = statements;
    }

    @Override
    public List<MeterReading> history(Caller caller, long deviceId) {
        if (devices.entity(caller, deviceId).isEmpty()) {
            throw DomainException.notFound("device", deviceId);
        }
        // a customer reads the days its organisation owned the device, no other
        return Scope.query(em, caller, "SELECT r FROM MeterReading r WHERE r.deviceId = :d AND (:scope = -1"
                + " OR EXISTS (SELECT h FROM DeviceOwnership h WHERE h.deviceId = r.deviceId"
                + " AND h.organisationId = :scope AND (h.ownedFrom IS NULL OR h.ownedFrom <= r.date)"
                + " AND (h.ownedTo IS NULL OR r.date < h.ownedTo))) ORDER BY r.date", MeterReadingEntity.class)
                .setParameter("d", deviceId).getResultList().stream().map(MeterReadingEntity::toValue).toList();
    }

    @Override
    public List<MeterCorrection> corrections(Caller caller, long deviceId) {
        if (devices.entity(caller, deviceId).isEmpty()) {
            throw DomainException.notFound("device", deviceId);
        }
        return Scope.query(em, caller, "SELECT c FROM MeterCorrection c WHERE c.deviceId = :d AND (:scope = -1"
                + " OR EXISTS (SELECT h FROM DeviceOwnership h WHERE h.deviceId = c.deviceId"
                + " AND h.organisationId = :scope AND (h.ownedFrom IS NULL OR h.ownedFrom <= c.oldDate)"
                + " AND (h.ownedTo IS NULL OR c.oldDate < h.ownedTo))) ORDER BY c.id", MeterCorrectionEntity.class)
                .setParameter("d", deviceId).getResultList().stream().map(MeterCorrectionEntity::toValue).toList();
    }

    @Override
    public MeterLog writable(Caller caller, long deviceId) {
        // a dealer user sees every device (Scope.ALL); anyone else what the visibility rules of devices show it
        if (!caller.isDealer() && devices.entity(caller, deviceId).isEmpty()) {
            throw DomainException.notFound("device", deviceId);
        }
        // the device's row lock orders concurrent submissions for the same device (plain JDBC on the unit of work's
        // connection, as the whole ingest path: the entity machinery cost more than the database's work)
        Session session = em.unwrap(Session.class);
        long organisationId;
        Long lastReadingId;
        try {
            PreparedStatement st = statement("SELECT ORGANISATION_ID, LAST_READING_ID FROM DEVICE WHERE ID = ?"
                    + session.getPlatform().getSelectForUpdateString());
            st.setLong(1, deviceId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw DomainException.notFound("device", deviceId);
                }
                organisationId = rs.getLong(1);
                long last = rs.getLong(2);
                lastReadingId = rs.wasNull() ? null : last;
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        if (!Scope.reaches(caller, organisationId)) {
            throw DomainException.forbidden("only the device's current owner submits its meter readings");
        }
        Optional<LocalDate> from = caller.isDealer() ? Optional.empty()
                : Optional.ofNullable(em.createQuery("SELECT h.ownedFrom FROM DeviceOwnership h"
                        + " WHERE h.deviceId = :d AND h.ownedTo IS NULL", LocalDate.class)
                        .setParameter("d", deviceId).getSingleResult());
        return new Log(deviceId, lastReadingId, from);
    }

    private final class Log implements MeterLog {
        private final long deviceId;
        private final Long lastReadingId;
        private final Optional<LocalDate> from;
        /** The newest reading, once read. */
        private Optional<MeterReading> last;

        Log(long deviceId, Long lastReadingId, Optional<LocalDate> from) {
            this.deviceId = deviceId;
            this.lastReadingId = lastReadingId;
            this.from = from;
        }

        @Override
        public Optional<MeterReading> last() {
            if (last == null) {
                last = lastReadingId == null ? Optional.empty()
                        : select(deviceId, SELECT_BY_ID, lastReadingId).stream().findFirst();
            }
            return last;
        }

        @Override
        public Map<LocalDate, Counters> around(LocalDate first, LocalDate last) {
            Map<LocalDate, Counters> known = new HashMap<>();
            Date f = Date.valueOf(first);
            Date l = Date.valueOf(last);
            select(deviceId, SELECT_DATES + "BETWEEN ? AND ?", deviceId, f, l)
                    .forEach(r -> known.put(r.date(), r.counters()));
            select(deviceId, SELECT_DATES + "< ? ORDER BY READING_DATE DESC FETCH FIRST 1 ROWS ONLY", deviceId, f)
                    .forEach(r -> known.put(r.date(), r.counters()));
            select(deviceId, SELECT_DATES + "> ? ORDER BY READING_DATE ASC FETCH FIRST 1 ROWS ONLY", deviceId, l)
                    .forEach(r -> known.put(r.date(), r.counters()));
            return known;
        }

        @Override
        public Optional<LocalDate> writableFrom() {
            return from;
        }

        /**
         * Inserts the readings (one JDBC batch for a batch) with ids of the entity's table generator, and points the
         * device at its newest reading when that changed.
         */
        @Override
        public void append(List<MeterReading.Draft> accepted, Instant acceptedAt, String acceptedBy) {
            if (accepted.isEmpty()) {
                return;
            }
            Session session = em.unwrap(UnitOfWork.class);
            Long newest = lastReadingId;
            LocalDate newestDate = last().map(MeterReading::date).orElse(null);
            try {
                PreparedStatement insert = statement(INSERT);
                // a batch that failed half-built in an earlier unit of work is not sent with this one
                insert.clearBatch();
                Timestamp at = Timestamp.from(acceptedAt);
                for (MeterReading.Draft d : accepted) {
                    long id = session.getNextSequenceNumberValue(MeterReadingEntity.class).longValue();
                    insert.setLong(1, id);
                    insert.setLong(2, deviceId);
                    insert.setDate(3, Date.valueOf(d.date()));
                    long[] values = d.counters().values();
                    for (int i = 0; i < values.length; i++) {
                        insert.setLong(4 + i, values[i]);
                    }
                    insert.setTimestamp(10, at);
                    insert.setString(11, acceptedBy);
                    if (accepted.size() == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                    if (newestDate == null || d.date().isAfter(newestDate)) {
                        newest = id;
                        newestDate = d.date();
                    }
                }
                if (accepted.size() > 1) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new PersistenceException(e);
            }
            if (!newest.equals(lastReadingId)) {
                // the pointer to the newest reading is no change of the device: its version stays
                execute("UPDATE DEVICE SET LAST_READING_ID = ? WHERE ID = ?", newest, deviceId);
            }
        }

        @Override
        public Optional<MeterReading> on(LocalDate date) {
            return entityOn(date).map(MeterReadingEntity::toValue);
        }

        @Override
        public MeterCorrection correct(LocalDate date, LocalDate newDate, Counters counters, String reason,
                Instant at, String by) {
            MeterReadingEntity reading = entityOn(date).orElseThrow(() -> DomainException.notFound("reading", date));
            MeterReading old = reading.toValue();
            if (newDate == null) {
                em.remove(reading);
            } else {
                reading.correct(newDate, counters);
            }
            MeterCorrectionEntity correction = new MeterCorrectionEntity(deviceId, date, old.counters(),
                    newDate, counters, reason, at, by);
            em.persist(correction);
            em.flush();
            // the newest reading may be another one now (the pointer is no change of the device, as in append)
            em.createNativeQuery("UPDATE DEVICE SET LAST_READING_ID = (SELECT MAX(r.ID) FROM METER_READING r"
                    + " WHERE r.DEVICE_ID = ? AND r.READING_DATE = (SELECT MAX(r2.READING_DATE) FROM METER_READING r2"
                    + " WHERE r2.DEVICE_ID = ?)) WHERE ID = ?").setParameter(1, deviceId)
                    .setParameter(2, deviceId).setParameter(3, deviceId).executeUpdate();
            return correction.toValue();
        }

        private Optional<MeterReadingEntity> entityOn(LocalDate date) {
            return em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date = :date",
                    MeterReadingEntity.class).setParameter("d", deviceId).setParameter("date", date)
                    .getResultList().stream().findFirst();
        }
    }

    /** The device's readings a query of {@link #COLUMNS} finds, on the unit of work's connection. */
    private List<MeterReading> select(long deviceId, String sql, Object... parameters) {
        try {
            PreparedStatement st = statement(sql);
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            List<MeterReading> readings = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    readings.add(new MeterReading(deviceId, rs.getDate(1).toLocalDate(), new Counters(rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                            rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
            return readings;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private void execute(String sql, long... parameters) {
        try {
            PreparedStatement st = statement(sql);
            for (int i = 0; i < parameters.length; i++) {
                st.setLong(i + 1, parameters[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** The prepared statement for {@code sql} on the unit of work's connection, kept with the connection. */
    private PreparedStatement statement(String sql) throws SQLException {
        return statements.prepare(em.unwrap(Connection.class), sql);
    }
}
