package org.dealerhub.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.api.Organisation;

@Entity(name = "Organisation")
@Table(name = "ORGANISATION")
public class OrganisationEntity implements Versioned {

    @Id
    @TableGenerator(name = "org_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME", valueColumnName = "SEQ_COUNT",
            pkColumnValue = "ORGANISATION", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "org_ids")
    private long id;
    private String name;
    @Column(name = "CUSTOMER_ACCOUNT")
    private String customerAccount;
    @Column(name = "SYSTEM_ACCOUNT")
    private String systemAccount;
    private String market;
    @Version
    private long version;

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    public void apply(Organisation.Draft d) {
        name = d.name();
        customerAccount = d.customerAccountNumber();
        systemAccount = d.systemAccountNumber();
        market = d.market();
    }

    public Organisation toValue() {
        return new Organisation(id, name, customerAccount, systemAccount, market, version);
    }
}
