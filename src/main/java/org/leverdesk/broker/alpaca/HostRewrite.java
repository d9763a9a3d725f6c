package org.leverdesk.broker.alpaca;

import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sends every request to another scheme, host and port, keeping path and query. alpaca-java fixes
 * Alpaca's hosts, so this is how tests reach the fake server on 127.0.0.1.
 */
final class HostRewrite implements Interceptor {
    private final URI target;

    HostRewrite(URI target) {
        if (target.getHost() == null || target.getScheme() == null) {
            throw new IllegalArgumentException("the Alpaca base URL needs a scheme and host, e.g. http://127.0.0.1:8080 (got " + target + ")");
        }
        this.target = target;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        HttpUrl url = chain.request().url();
        HttpUrl.Builder moved = url.newBuilder().scheme(target.getScheme()).host(target.getHost());
        moved.port(target.getPort() > 0 ? target.getPort() : HttpUrl.defaultPort(target.getScheme()));
        return chain.proceed(chain.request().newBuilder().url(moved.build()).build());
    }
}
