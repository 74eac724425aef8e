package org.dealerhub.persistence;

import java.io.Serializable;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One agreed billing term of a contract (BillingContext.terms). */
@Entity(name = "ContractBillingTerm")
@Table(name = "CONTRACT_BILLING_TERM")
@IdClass(ContractBillingTermEntity.Key.class)
public class ContractBillingTermEntity {

    @Id
    @Column(name = "CONTRACT_ID")
    private long contractId;
    @Id
    private String name;
    @Column(name = "TERM_VALUE")
    private String value;

    protected ContractBillingTermEntity() {
    }

    ContractBillingTermEntity(long contractId, String name, String value) {
        this.contractId = contractId;
        this.name = name;
        this.value = value;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long contractId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.contractId == contractId && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(contractId) * 31 + name.hashCode();
        }
    }
}
