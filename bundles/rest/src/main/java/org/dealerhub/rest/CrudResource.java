package org.dealerhub.rest;

import java.net.URI;
import java.util.List;
import java.util.function.ToLongFunction;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Crud;

/**
 * The CRUD wiring the organisation, device and contract resources share: one record answers with its version as
 * the ETag, a change needs it back in If-Match ({@link Preconditions}).
 */
final class CrudResource<T, D> {

    private final Crud<T, D> service;
    private final ToLongFunction<T> id;
    private final ToLongFunction<T> version;

    CrudResource(Crud<T, D> service, ToLongFunction<T> id, ToLongFunction<T> version) {
        this.service = service;
        this.id = id;
        this.version = version;
    }

    List<T> list(SecurityContext security) {
        return service.list(Authenticated.caller(security));
    }

    Response get(SecurityContext security, long key) {
        return tagged(service.get(Authenticated.caller(security), key));
    }

    Response create(SecurityContext security, D draft) {
        T created = service.create(Authenticated.caller(security), draft);
        return Response.created(URI.create(String.valueOf(id.applyAsLong(created)))).entity(created)
                .tag(Preconditions.tag(version.applyAsLong(created))).build();
    }

    Response update(SecurityContext security, long key, String ifMatch, D draft) {
        long expected = expectedVersion(security, key, ifMatch);
        return tagged(service.update(Authenticated.caller(security), key, expected, draft));
    }

    Response delete(SecurityContext security, long key, String ifMatch) {
        long expected = expectedVersion(security, key, ifMatch);
        service.delete(Authenticated.caller(security), key, expected);
        return Response.noContent().build();
    }

    /**
     * The version If-Match names. Without one the record is looked up first, so what the caller may not see still
     * answers 404 (never a hint that it exists), and only a visible record answers 428.
     */
    private long expectedVersion(SecurityContext security, long key, String ifMatch) {
        return Preconditions.version(ifMatch, () -> service.get(Authenticated.caller(security), key));
    }

    private Response tagged(T record) {
        return Preconditions.tagged(record, version.applyAsLong(record));
    }
}
