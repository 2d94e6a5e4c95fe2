// Helpers shared by the page scripts (loaded first; no build step, so they hang off one global).
(function () {
  'use strict';
  window.ServingLab = {
    // Reads a JSON value kept in this browser; an empty object when there is none or storage is refused.
    load: function (key) {
      try {
        return JSON.parse(localStorage.getItem(key)) || {};
      } catch (e) {
        return {};
      }
    },
    // Keeps a JSON value in this browser; private windows may refuse, and the pages work without it.
    save: function (key, value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch (e) {
        // nothing kept: a convenience lost, not a failure
      }
    },
    // Posts JSON and resolves with the JSON answer; rejects with the problem's detail on a 4xx or 5xx.
    post: function (url, body) {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (data) {
          if (!response.ok) {
            throw new Error(data.detail || data.title || data.error || ('HTTP ' + response.status));
          }
          return data;
        });
      });
    },
    // Creates an element with an optional class and text.
    el: function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) {
        node.className = className;
      }
      if (text !== undefined) {
        node.textContent = text;
      }
      return node;
    }
  };
}());
