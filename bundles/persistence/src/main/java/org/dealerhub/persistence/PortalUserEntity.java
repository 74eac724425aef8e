package org.dealerhub.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;

@Entity(name = "PortalUser")
@Table(name = "PORTAL_USER")
public class PortalUserEntity implements Versioned {

    @Id
    @TableGenerator(name = "portal_user_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "PORTAL_USER", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "portal_user_ids")
    private long id;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    @Column(name = "USER_NAME")
    private String userName;
    private String email;
    @Enumerated(EnumType.STRING)
    @Column(name = "PORTAL_ROLE")
    private PortalRole role;
    @Column(name = "PASSWORD_HASH")
    private String passwordHash;
    @Column(name = "RESET_TOKEN_HASH")
    private String resetTokenHash;
    @Column(name = "RESET_EXPIRES_AT")
    private Instant resetExpiresAt;
    @Column(name = "CREATED_AT")
    private Instant createdAt;
    @Column(name = "CREATED_BY")
    private String createdBy;
    @Column(name = "REMOVED_AT")
    private Instant removedAt;
    @Column(name = "REMOVED_BY")
    private String removedBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "PORTAL_USER_DEVICE", joinColumns = @JoinColumn(name = "USER_ID"))
    @Column(name = "DEVICE_ID")
    private List<Long> deviceIds = new ArrayList<>();
    @Version
    private long version;

    protected PortalUserEntity() {
    }

    PortalUserEntity(long organisationId, PortalUser.Draft d, Instant at, String by) {
        this.organisationId = organisationId;
        this.userName = d.userName();
        this.email = d.email();
        this.createdAt = at;
        this.createdBy = by;
        change(d.role(), d.deviceIds(), d.email());
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    long getOrganisationId() {
        return organisationId;
    }

    boolean removed() {
        return removedAt != null;
    }

    void change(PortalRole role, List<Long> devices, String email) {
        this.role = role;
        this.email = email;
        this.deviceIds.clear();
        this.deviceIds.addAll(devices);
    }

    void remove(Instant at, String by) {
        removedAt = at;
        removedBy = by;
        resetTokenHash = null;
        resetExpiresAt = null;
        deviceIds.clear();
    }

    void resetToken(String hash, Instant expires) {
        resetTokenHash = hash;
        resetExpiresAt = expires;
    }

    String resetTokenHashValue() {
        return resetTokenHash;
    }

    boolean resetTokenValid(Instant now) {
        return resetTokenHash != null && resetExpiresAt != null && now.isBefore(resetExpiresAt);
    }

    void password(String hash) {
        passwordHash = hash;
        resetTokenHash = null;
        resetExpiresAt = null;
    }

    PortalUser toValue() {
        return new PortalUser(id, organisationId, userName, email, role, deviceIds.stream().sorted().toList(),
                passwordHash != null, createdAt, createdBy, version);
    }
}
