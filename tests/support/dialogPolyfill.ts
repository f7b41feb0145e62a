// Set up for every editor test (vitest.config.ts): jsdom has no modal dialogs, so a <dialog> is simply shown and hidden.
if (!('showModal' in HTMLDialogElement.prototype)) {
  Object.defineProperties(HTMLDialogElement.prototype, {
    showModal: {
      value: function showModal(this: HTMLDialogElement) {
        this.open = true;
      },
    },
    close: {
      value: function close(this: HTMLDialogElement) {
        this.open = false;
      },
    },
  });
}
