// The load balancer of the cluster agents: every request to the next replica in turn (no sticky routing), counted per
// replica. `onSent(sent, init)` sees each request's response promise as it goes.
export function roundRobin(urls, onSent = () => {}) {
  const perReplica = Object.fromEntries(urls.map((u) => [u.origin, 0]));
  let next = 0;
  const fetchNext = (input, init) => {
    const original = new URL(input instanceof URL || typeof input === "string" ? input : input.url);
    const target = urls[next++ % urls.length];
    perReplica[target.origin]++;
    const sent = fetch(new URL(original.pathname + original.search, target.origin), init);
    onSent(sent, init);
    return sent;
  };
  return { fetch: fetchNext, perReplica };
}
