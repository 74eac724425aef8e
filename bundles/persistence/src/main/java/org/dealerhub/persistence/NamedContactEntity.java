package org.dealerhub.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.SoftwareSupport;

/** KMUA-SW-1: a named contact of a contract. */
@Entity(name = "NamedContact")
@Table(name = "NAMED_CONTACT")
public class NamedContactEntity {

    @Id
    @TableGenerator(name = "contact_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "NAMED_CONTACT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contact_ids")
    private long id;
    @Column(name = "CONTRACT_ID")
    private long contractId;
    private String name;
    private String email;
    private String phone;
    @Column(name = "REGISTRATION_EMAILS")
    private Boolean registrationEmails;

    protected NamedContactEntity() {
    }

    NamedContactEntity(SoftwareSupport.Contact c) {
        contractId = c.contractId();
        name = c.name();
        email = c.email();
        phone = c.phone();
        registrationEmails = c.registrationEmails();
    }

    SoftwareSupport.Contact toValue() {
        return new SoftwareSupport.Contact(id, contractId, name, email, phone, registrationEmails);
    }
}
