// Follows a training run's Server-Sent Events: one `epoch` event per epoch, then one `summary`. When the stream
// breaks before the summary, it waits a moment and asks the lab to pick the run up again (the server keeps a run
// going for a few seconds without followers), a few times, longer each time, before it gives up.

const MAX_RETRIES = 3;

export class RunFollower {
  // handlers: epoch(epoch), summary(summary), reconnecting(), resume(id) to pick the run up again, lost().
  constructor(handlers) {
    this.handlers = handlers;
    this.source = null;
    this.retries = 0;
  }

  // Tells whether a stream is open.
  get following() {
    return this.source !== null;
  }

  // Follows a run from its first epoch: the server replays the epochs so far, then goes on live.
  follow(id) {
    this.close();
    const source = new EventSource('/api/v1/trainings/' + encodeURIComponent(id) + '/events');
    this.source = source;
    source.addEventListener('epoch', (event) => {
      this.retries = 0;
      this.handlers.epoch(JSON.parse(event.data));
    });
    source.addEventListener('summary', (event) => {
      this.close();
      this.handlers.summary(JSON.parse(event.data));
    });
    source.addEventListener('error', () => {
      if (this.source !== source) {
        return; // closed on purpose
      }
      this.close();
      this.retries++;
      if (this.retries > MAX_RETRIES) {
        this.handlers.lost();
        return;
      }
      this.handlers.reconnecting();
      window.setTimeout(() => this.handlers.resume(id), 1000 * this.retries);
    });
  }

  // Stops following, without cancelling the run.
  close() {
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }
}
