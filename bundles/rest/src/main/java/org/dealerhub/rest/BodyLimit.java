package org.dealerhub.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

/**
 * Caps request bodies: 413 in the error shape for a declared length over the cap before anything is read, and for
 * a chunked body as soon as the cap is passed, so no body is ever read whole into memory. (The refusal thrown from
 * the stream may reach the mappers inside a Jackson exception; {@link Errors#refusal} finds it there.) Meter-reading batches
 * (at most 5,000 readings of ~150 bytes) have a larger cap than the other writes.
 */
@Priority(Priorities.USER + 100)
final class BodyLimit implements ContainerRequestFilter {

    static final long DEFAULT_BYTES = 1L << 20;
    static final long BATCH_BYTES = 4L << 20;

    static long limit(String path) {
        return path.endsWith("/meter-readings") || path.endsWith("/meter-readings/") ? BATCH_BYTES : DEFAULT_BYTES;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit(request.getUriInfo().getPath());
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    static ClientErrorException tooLarge(long limit) {
        return new ClientErrorException(Errors.response(413, new ApiError("the request body is larger than "
                + limit + " bytes", "body", null)));
    }

    /** Refuses to read past the cap. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw tooLarge(limit);
                }
            }
        }
    }
}
