package org.dealerhub.rest.openapi;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Iterator;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * Build time only (the swagger-maven-plugin's model converter; never loaded in the running bundle): names each
 * schema after its class and the classes it is nested in, so {@code Organisation.Draft} is
 * {@code OrganisationDraft} and {@code PriceList.Change} is {@code PriceListChange}, where swagger's default would
 * collapse every {@code Draft} into one schema. It keeps the api plain Java: no swagger annotations there. Zones,
 * times of day and currencies are the strings Jackson writes, not the objects swagger would describe.
 */
public class SchemaNames extends ModelResolver {

    public SchemaNames() {
        super(Json.mapper(), new NestedNames());
    }

    /** Types written as strings, with an example each. */
    private static final Map<Class<?>, String> STRINGS = Map.of(ZoneId.class, "Europe/Oslo", LocalTime.class,
            "08:00:00", Currency.class, "NOK");

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> next) {
        Class<?> raw = type.getType() == null ? null : _mapper.constructType(type.getType()).getRawClass();
        for (Map.Entry<Class<?>, String> string : STRINGS.entrySet()) {
            if (raw != null && string.getKey().isAssignableFrom(raw)) {
                return new StringSchema().example(string.getValue());
            }
        }
        return super.resolve(type, context, next);
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
