package org.dealerhub.api;

public interface OrganisationService extends Crud<Organisation, Organisation.Draft> {
}
