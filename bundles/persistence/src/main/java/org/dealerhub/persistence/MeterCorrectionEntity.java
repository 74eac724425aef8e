package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterCorrection;

/** PORTAL-METER-4: one audited correction of a meter reading; no new date means voided. */
@Entity(name = "MeterCorrection")
@Table(name = "METER_CORRECTION")
public class MeterCorrectionEntity {

    @Id
    @TableGenerator(name = "correction_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "METER_CORRECTION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "correction_ids")
    private long id;
    @Column(name = "DEVICE_ID")
    private long deviceId;
    @Column(name = "OLD_DATE")
    private LocalDate oldDate;
    @Column(name = "OLD_MONO_A4")
    private long oldMonoA4;
    @Column(name = "OLD_COLOUR_A4")
    private long oldColourA4;
    @Column(name = "OLD_MONO_A3")
    private long oldMonoA3;
    @Column(name = "OLD_COLOUR_A3")
    private long oldColourA3;
    @Column(name = "OLD_BANNER")
    private long oldBanner;
    @Column(name = "OLD_SCANS")
    private long oldScans;
    @Column(name = "NEW_DATE")
    private LocalDate newDate;
    @Column(name = "NEW_MONO_A4")
    private Long newMonoA4;
    @Column(name = "NEW_COLOUR_A4")
    private Long newColourA4;
    @Column(name = "NEW_MONO_A3")
    private Long newMonoA3;
    @Column(name = "NEW_COLOUR_A3")
    private Long newColourA3;
    @Column(name = "NEW_BANNER")
    private Long newBanner;
    @Column(name = "NEW_SCANS")
    private Long newScans;
    private String reason;
    @Column(name = "CORRECTED_AT")
    private Instant correctedAt;
    @Column(name = "CORRECTED_BY")
    private String correctedBy;

    protected MeterCorrectionEntity() {
    }

    MeterCorrectionEntity(long deviceId, LocalDate oldDate, Counters old, LocalDate newDate, Counters c,
            String reason, Instant at, String by) {
        this.deviceId = deviceId;
        this.oldDate = oldDate;
        this.oldMonoA4 = old.monoA4();
        this.oldColourA4 = old.colourA4();
        this.oldMonoA3 = old.monoA3();
        this.oldColourA3 = old.colourA3();
        this.oldBanner = old.banner();
        this.oldScans = old.scans();
        this.newDate = newDate;
        if (c != null) {
            this.newMonoA4 = c.monoA4();
            this.newColourA4 = c.colourA4();
            this.newMonoA3 = c.monoA3();
            this.newColourA3 = c.colourA3();
            this.newBanner = c.banner();
            this.newScans = c.scans();
        }
        this.reason = reason;
        this.correctedAt = at;
        this.correctedBy = by;
    }

    MeterCorrection toValue() {
        Counters old = new Counters(oldMonoA4, oldColourA4, oldMonoA3, oldColourA3, oldBanner, oldScans);
        Counters now = newDate == null ? null
                : new Counters(newMonoA4, newColourA4, newMonoA3, newColourA3, newBanner, newScans);
        return new MeterCorrection(id, deviceId, oldDate, old, newDate, now, reason, correctedAt, correctedBy);
    }
}
