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
import org.dealerhub.api.MeterReading;

@Entity(name = "MeterReading")
@Table(name = "METER_READING")
public class MeterReadingEntity {

    @Id
    @TableGenerator(name = "reading_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "METER_READING", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "reading_ids")
    private long id;
    @Column(name = "DEVICE_ID")
    private long deviceId;
    @Column(name = "READING_DATE")
    private LocalDate date;
    @Column(name = "MONO_A4")
    private long monoA4;
    @Column(name = "COLOUR_A4")
    private long colourA4;
    @Column(name = "MONO_A3")
    private long monoA3;
    @Column(name = "COLOUR_A3")
    private long colourA3;
    private long banner;
    private long scans;
    @Column(name = "ACCEPTED_AT")
    private Instant acceptedAt;
    @Column(name = "ACCEPTED_BY")
    private String acceptedBy;

    protected MeterReadingEntity() {
    }

    public MeterReadingEntity(long deviceId, LocalDate date, Counters c, Instant acceptedAt, String acceptedBy) {
        this.deviceId = deviceId;
        this.date = date;
        this.monoA4 = c.monoA4();
        this.colourA4 = c.colourA4();
        this.monoA3 = c.monoA3();
        this.colourA3 = c.colourA3();
        this.banner = c.banner();
        this.scans = c.scans();
        this.acceptedAt = acceptedAt;
        this.acceptedBy = acceptedBy;
    }

    public long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    long getDeviceId() {
        return deviceId;
    }

    /** PORTAL-METER-4: the service centre's correction of the reading's date and counters. */
    void correct(LocalDate newDate, Counters c) {
        this.date = newDate;
        this.monoA4 = c.monoA4();
        this.colourA4 = c.colourA4();
        this.monoA3 = c.monoA3();
        this.colourA3 = c.colourA3();
        this.banner = c.banner();
        this.scans = c.scans();
    }

    public MeterReading toValue() {
        return new MeterReading(deviceId, date, new Counters(monoA4, colourA4, monoA3, colourA3, banner, scans),
                acceptedAt, acceptedBy);
    }
}
