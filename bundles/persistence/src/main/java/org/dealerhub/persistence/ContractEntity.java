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

/**
 * A signed contract. The package definition is stored as a JSON snapshot (KMNO-TERMS-1): the contract reads from
 * it, never from the vendor bundle.
 */
@Entity(name = "Contract")
@Table(name = "CONTRACT")
public class ContractEntity {

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

    protected ContractEntity() {
    }

    public ContractEntity(long organisationId, String vendor, String market, String packageCode,
            String termsVersion, String packageSnapshot, Instant signedAt) {
        this.organisationId = organisationId;
        this.vendor = vendor;
        this.market = market;
        this.packageCode = packageCode;
        this.termsVersion = termsVersion;
        this.packageSnapshot = packageSnapshot;
        this.signedAt = signedAt;
    }

    public long getId() {
        return id;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    public String getVendor() {
        return vendor;
    }

    public String getMarket() {
        return market;
    }

    public String getPackageCode() {
        return packageCode;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public String getTermsVersion() {
        return termsVersion;
    }

    public String getPackageSnapshot() {
        return packageSnapshot;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public List<Long> getDeviceIds() {
        return List.copyOf(deviceIds);
    }

    /** The parts a signed contract may still change: its period and its devices. */
    public void amend(LocalDate start, LocalDate end, List<Long> devices) {
        startDate = start;
        endDate = end;
        deviceIds.clear();
        deviceIds.addAll(devices);
    }
}
