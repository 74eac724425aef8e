package org.dealerhub.rest.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;

/**
 * Build time only (the swagger-maven-plugin's model converter; never loaded in the running bundle): names each
 * schema after its class and the classes it is nested in, so {@code Organisation.Draft} is
 * {@code OrganisationDraft} and {@code PriceList.Change} is {@code PriceListChange}, where swagger's default would
 * collapse every {@code Draft} into one schema. It keeps the api plain Java: no swagger annotations there.
 */
public class SchemaNames extends ModelResolver {

    public SchemaNames() {
        super(Json.mapper(), new NestedNames());
    }

    private static final class NestedNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            for (Class<?> outer = cls.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name = outer.getSimpleName() + name;
            }
            return name;
        }
    }
}
