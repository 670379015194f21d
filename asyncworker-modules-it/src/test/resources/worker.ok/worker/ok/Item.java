package worker.ok;

/** A JSON body, read and written by Jackson across the module boundary. */
public record Item(long id, String name) {
}
