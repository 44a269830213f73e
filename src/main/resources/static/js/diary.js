// oneweek diary: save what is typed as a draft every few seconds and when a field is left,
// so nothing is lost when the connection drops or the page is reloaded. Without this
// script the page still works: its buttons save.
(function () {
  'use strict';

  var DELAY = 3000;
  var RETRY = 10000;

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function setup(form) {
    var url = form.getAttribute('data-autosave');
    var status = document.getElementById(form.getAttribute('data-status'));
    var key = 'oneweek-draft:' + url;
    var store = storage();
    var timer = null;
    var inFlight = false;
    var dirty = false;

    function show(text) {
      if (status && text) {
        status.textContent = text;
      }
    }

    function fields() {
      return form.querySelectorAll('[data-draft]');
    }

    function keepLocal() {
      if (!store) {
        return;
      }
      var values = {};
      fields().forEach(function (field) {
        values[field.name] = field.value;
      });
      try {
        store.setItem(key, JSON.stringify({ base: form.getAttribute('data-version'), values: values }));
      } catch (e) {
        // storage full or forbidden: the server copy is all there is
      }
    }

    function forgetLocal() {
      if (store) {
        store.removeItem(key);
      }
    }

    // What was typed but never reached the server comes back, if the server copy has not
    // changed since (on another phone, say).
    function restoreLocal() {
      if (!store) {
        return;
      }
      var local = null;
      try {
        local = JSON.parse(store.getItem(key) || 'null');
      } catch (e) {
        local = null;
      }
      if (!local || !local.values) {
        return;
      }
      if (local.base !== form.getAttribute('data-version')) {
        forgetLocal();
        return;
      }
      var changed = false;
      fields().forEach(function (field) {
        if (Object.prototype.hasOwnProperty.call(local.values, field.name) && field.value !== local.values[field.name]) {
          field.value = local.values[field.name];
          changed = true;
        }
      });
      if (changed) {
        show(form.getAttribute('data-restored'));
        dirty = true;
        schedule(0);
      } else {
        forgetLocal();
      }
    }

    function schedule(delay) {
      if (timer) {
        clearTimeout(timer);
      }
      timer = setTimeout(send, delay);
    }

    function send() {
      timer = null;
      if (!dirty) {
        return;
      }
      if (inFlight) {
        schedule(1000);
        return;
      }
      inFlight = true;
      dirty = false;
      show(form.getAttribute('data-saving'));
      var body = new URLSearchParams(new FormData(form));
      fetch(url, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { 'Accept': 'text/plain' }
      }).then(function (response) {
        return response.text().then(function (text) {
          inFlight = false;
          var type = response.headers.get('Content-Type') || '';
          if (response.redirected || type.indexOf('text/plain') !== 0) {
            // signed out: the session ended; keep the copy on the phone
            dirty = true;
            show(form.getAttribute('data-login'));
            return;
          }
          if (response.ok) {
            var version = response.headers.get('X-Diary-Version');
            if (version) {
              form.setAttribute('data-version', version);
            }
            show(text);
            if (!dirty) {
              forgetLocal();
            } else {
              keepLocal();
            }
          } else {
            show(text || form.getAttribute('data-failed'));
            if (response.status >= 500) {
              dirty = true;
              schedule(RETRY);
            }
          }
        });
      }).catch(function () {
        inFlight = false;
        dirty = true;
        show(form.getAttribute('data-offline'));
        schedule(RETRY);
      });
    }

    form.addEventListener('input', function () {
      dirty = true;
      keepLocal();
      schedule(DELAY);
    });
    form.addEventListener('focusout', function () {
      if (dirty) {
        schedule(0);
      }
    });
    form.addEventListener('submit', function () {
      if (timer) {
        clearTimeout(timer);
      }
      dirty = false;
      forgetLocal();
    });
    window.addEventListener('online', function () {
      if (dirty) {
        schedule(0);
      }
    });
    window.addEventListener('pagehide', function () {
      if (dirty && navigator.sendBeacon) {
        navigator.sendBeacon(url, new URLSearchParams(new FormData(form)));
      }
    });
    restoreLocal();
  }

  function ready() {
    document.querySelectorAll('form[data-autosave]').forEach(setup);
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.print();
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
