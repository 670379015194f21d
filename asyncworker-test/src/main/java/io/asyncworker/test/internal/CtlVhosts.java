package io.asyncworker.test.internal;

import java.util.function.Function;

/** Vhosts through {@code rabbitmqctl}, for a broker on this machine or in a container. */
final class CtlVhosts implements VhostAdmin {
    private final Function<String[], String> ctl;

    CtlVhosts(Function<String[], String> ctl) {
        this.ctl = ctl;
    }

    @Override
    public void create(String vhost, String user) {
        ctl.apply(new String[] {"-q", "add_vhost", vhost});
        ctl.apply(new String[] {"-q", "set_permissions", "-p", vhost, user, ".*", ".*", ".*"});
    }

    @Override
    public void delete(String vhost) {
        try {
            ctl.apply(new String[] {"-q", "delete_vhost", vhost});
        } catch (IllegalStateException e) {
            if (exists(vhost)) {
                throw e;
            }
        }
    }

    @Override
    public boolean exists(String vhost) {
        return ctl.apply(new String[] {"-q", "list_vhosts", "--no-table-headers"}).lines().anyMatch(vhost::equals);
    }

    @Override
    public String describe() {
        return "rabbitmqctl";
    }
}
