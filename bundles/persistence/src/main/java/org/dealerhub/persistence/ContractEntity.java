package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.persistence.api.StoredContract;

/**
 * A signed contract. The package definition is stored as a JSON snapshot (KMNO-TERMS-1): the contract reads from
 * it, never from the vendor bundle.
 */
@Entity(name = "Contract")
@Table(name = "CONTRACT")
public class ContractEntity implements Versioned {

    @Id
    @TableGenerator(name = "contract_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "CONTRACT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contract_ids")
    private long id;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    private String vendor;
    private String market;
    @Column(name = "PACKAGE_CODE")
    private String packageCode;
    @Column(name = "START_DATE")
    private LocalDate startDate;
    @Column(name = "END_DATE")
    private LocalDate endDate;
    @Column(name = "TERMS_VERSION")
    private String termsVersion;
    @Lob
    @Column(name = "PACKAGE_SNAPSHOT")
    private String packageSnapshot;
    @Column(name = "SIGNED_AT")
    private Instant signedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CONTRACT_DEVICE", joinColumns = @JoinColumn(name = "CONTRACT_ID"))
    @Column(name = "DEVICE_ID")
    private List<Long> deviceIds = new ArrayList<>();
    @Version
    private long version;

    protected ContractEntity() {
    }

    ContractEntity(StoredContract c) {
        this.organisationId = c.organisationId();
        this.vendor = c.vendor();
        this.market = c.market();
        this.packageCode = c.packageCode();
        this.termsVersion = c.termsVersion();
        this.packageSnapshot = c.packageSnapshot();
        this.signedAt = c.signedAt();
        amend(c.start(), c.end(), c.deviceIds());
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    StoredContract toValue() {
        return new StoredContract(id, organisationId, vendor, market, packageCode, startDate, endDate, deviceIds,
                termsVersion, packageSnapshot, signedAt, version);
    }

    /** The parts a signed contract may still change: its period and its devices. */
    void amend(LocalDate start, LocalDate end, List<Long> devices) {
        startDate = start;
        endDate = end;
        deviceIds.clear();
        deviceIds.addAll(devices);
    }
}
