package org.dealerhub.persistence;

import javax.persistence.EntityManager;

import org.dealerhub.persistence.api.AccountRecords;
import org.dealerhub.persistence.api.BillingRepository;
import org.dealerhub.persistence.api.ContractRepository;
import org.dealerhub.persistence.api.DeviceRepository;
import org.dealerhub.persistence.api.KnowledgeRepository;
import org.dealerhub.persistence.api.OrderOperationsRepository;
import org.dealerhub.persistence.api.OrderRepository;
import org.dealerhub.persistence.api.OrganisationRepository;
import org.dealerhub.persistence.api.PortalUserRepository;
import org.dealerhub.persistence.api.Outbox;
import org.dealerhub.persistence.api.ReadingRepository;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.StockRepository;
import org.dealerhub.persistence.api.SupportRepository;
import org.dealerhub.persistence.api.SlaRecords;
import org.dealerhub.persistence.api.TermsRepository;

/** The repositories of one unit of work, on its EntityManager. */
final class JpaRepositories implements Repositories {

    private final JpaOrganisations organisations;
    private final JpaDevices devices;
    private final JpaContracts contracts;
    private final JpaReadings readings;
    private final JpaTerms terms;
    private final JpaOrders orders;
    private final JpaOutbox outbox;
    private final JpaOrderOperations operations;
    private final JpaSupport support;
    private final JpaSlaRecords sla;
    private final JpaBilling billing;
    private final JpaPortalUsers portalUsers;
    private final JpaStock stock;
    private final JpaKnowledge knowledge;
    private final JpaAccounts accounts;

    JpaRepositories(EntityManager em, Statements statements) {
        organisations = new JpaOrganisations(em);
        devices = new JpaDevices(em);
        contracts = new JpaContracts(em);
        readings = new JpaReadings(em, devices, statements);
        terms = new JpaTerms(em);
        orders = new JpaOrders(em);
        outbox = new JpaOutbox(em);
        operations = new JpaOrderOperations(em);
        support = new JpaSupport(em, contracts);
        sla = new JpaSlaRecords(em);
        billing = new JpaBilling(em);
        portalUsers = new JpaPortalUsers(em);
        stock = new JpaStock(em);
        knowledge = new JpaKnowledge(em);
        accounts = new JpaAccounts(em);
    }

    @Override
    public OrganisationRepository organisations() {
        return organisations;
    }

    @Override
    public DeviceRepository devices() {
        return devices;
    }

    @Override
    public ContractRepository contracts() {
        return contracts;
    }

    @Override
    public ReadingRepository readings() {
        return readings;
    }

    @Override
    public TermsRepository terms() {
        return terms;
    }

    @Override
    public OrderRepository orders() {
        return orders;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public OrderOperationsRepository operations() {
        return operations;
    }

    @Override
    public SupportRepository support() {
        return support;
    }

    @Override
    public SlaRecords sla() {
        return sla;
    }

    @Override
    public BillingRepository billing() {
        return billing;
    }

    @Override
    public PortalUserRepository portalUsers() {
        return portalUsers;
    }

    @Override
    public StockRepository stock() {
        return stock;
    }

    @Override
    public KnowledgeRepository knowledge() {
        return knowledge;
    }

    @Override
    public AccountRecords accounts() {
        return accounts;
    }
}
