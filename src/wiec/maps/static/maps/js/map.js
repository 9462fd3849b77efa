// Wiec maps: every element with data-map becomes a Leaflet map. No inline script, no innerHTML
// with anything a person wrote; every page with a map also works without this file.
(function () {
  "use strict";
  if (!window.L) { return; }

  function numbers(text) { return text.split(",").map(Number); }

  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function baseMap(element) {
    var data = element.dataset;
    var edges = numbers(data.bounds);
    var bounds = L.latLngBounds([edges[0], edges[1]], [edges[2], edges[3]]);
    var map = L.map(element, {
      scrollWheelZoom: false,
      fadeAnimation: false,  // popups and tiles appear at once: no half-transparent text
      maxBounds: bounds.pad(0.5),
      zoomControl: false
    });
    L.control.zoom({ zoomInTitle: data.zoomIn, zoomOutTitle: data.zoomOut }).addTo(map);
    map.attributionControl.setPrefix(false);
    var attribution = data.attributionUrl ? link(data.attributionUrl, data.attribution).outerHTML
      : escaped(data.attribution);
    L.tileLayer(data.tiles, { attribution: attribution, maxZoom: 19 }).addTo(map);
    map.setView(numbers(data.center), Number(data.zoom));
    return map;
  }

  function point(element) {
    var data = element.dataset;
    if (data.lat === undefined || data.lon === undefined) { return null; }
    return [Number(data.lat), Number(data.lon)];
  }

  // {"forms": [...], "pick": "0122…"}: the server's plural forms and which one each count
  // below the table's length takes; larger counts take the form of 100 + count % 100.
  function counted(table, count) {
    var size = table.pick.length;
    var index = count < size ? count : size - 100 + (count % 100);
    var form = table.forms[Number(table.pick.charAt(index))] || "";
    return form.replace("%(count)d", String(count));
  }

  function marker(latlng, label) {
    return L.marker(latlng, { title: label, alt: label, keyboard: true });
  }

  function show(element) {
    var map = baseMap(element);
    var at = point(element);
    if (at) {
      marker(at, element.dataset.markerLabel || "").addTo(map);
      map.setView(at, Math.max(map.getZoom(), 15));
    }
  }

  function browse(element) {
    var data = element.dataset;
    // The GeoJSON holds points and statuses only; a popup asks for the idea's title when opened.
    function fillPopup(popup, id) {
      fetch(data.cardUrl.replace("/0/", "/" + id + "/"), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (card) {
          if (!card) { return; }
          var box = document.createElement("div");
          var title = link(card.url, card.title);
          // The title is in the municipality's language, which may not be the page's.
          if (card.lang) { title.lang = card.lang; }
          box.appendChild(title);
          var facts = document.createElement("p");
          facts.textContent = card.status + " · " + card.supports;
          box.appendChild(facts);
          popup.setContent(box);
        });
    }
    var map = baseMap(element);
    var labels = JSON.parse(data.labels || "{}");
    var clusterLabels = JSON.parse(data.clusterLabels || '{"forms": [], "pick": ""}');
    var status = element.parentNode.querySelector("[data-map-status]");
    var clusters = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        var inner = document.createElement("div");
        var text = document.createElement("span");
        text.textContent = String(count);
        text.setAttribute("aria-hidden", "true");
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = counted(clusterLabels, count);
        inner.appendChild(text);
        inner.appendChild(hidden);
        return L.divIcon({
          html: inner.outerHTML,
          className: "marker-cluster marker-cluster-" + size,
          iconSize: L.point(40, 40)
        });
      }
    });
    map.addLayer(clusters);
    fetch(data.geojson + window.location.search, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (collection) {
        var markers = collection.features.map(function (feature) {
          var c = feature.geometry.coordinates;
          var title = feature.properties.t || data.markerLabel;
          var state = labels[feature.properties.s] || "";
          // Functions, not strings: a "$&" in a title must stay as typed.
          var label = data.markerFormat
            .replace("%(title)s", function () { return title; })
            .replace("%(status)s", function () { return state; });
          var m = marker([c[1], c[0]], label);
          m.bindPopup(function () {
            var waiting = document.createElement("p");
            waiting.textContent = data.loading;
            return waiting;
          });
          m.on("popupopen", function (event) { fillPopup(event.popup, feature.id); });
          return m;
        });
        clusters.addLayers(markers);
      })
      .catch(function () {
        if (status) { status.textContent = status.dataset.error || ""; }
      });
  }

  function pick(element) {
    var data = element.dataset;
    var map = baseMap(element);
    var input = document.getElementById(data.textInput);
    var help = document.getElementById(element.id + "-help");
    var centreButton = document.querySelector('[data-map-centre-button="' + element.id + '"]');
    var chosen = null;
    function place(latlng) {
      var text = latlng.lat.toFixed(5) + ", " + latlng.lng.toFixed(5);
      if (chosen) { chosen.setLatLng(latlng); } else {
        chosen = marker(latlng, data.picked + " " + text).addTo(map);
      }
      if (input) {
        input.value = text;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      if (help) { help.textContent = data.picked + " " + text; }
    }
    var at = point(element);
    if (at) {
      chosen = marker(at, data.picked).addTo(map);
      map.setView(at, Math.max(map.getZoom(), 15));
    }
    map.on("click", function (event) { place(event.latlng); });
    if (centreButton) {
      centreButton.hidden = false;
      centreButton.addEventListener("click", function () { place(map.getCenter()); });
    }
  }

  var modes = { show: show, browse: browse, pick: pick };
  // The box is hidden in the page (no dead controls without JavaScript); shown before Leaflet
  // measures it, with the sentence for people without the map taken away.
  function reveal(element) {
    var box = element.closest("[data-map-box]");
    if (!box) { return; }
    box.hidden = false;
    var note = box.nextElementSibling;
    if (note && note.hasAttribute("data-map-no-script")) { note.hidden = true; }
  }
  function start() {
    document.querySelectorAll("[data-map]").forEach(function (element) {
      var setup = modes[element.dataset.map];
      if (setup && !element.classList.contains("leaflet-container")) {
        reveal(element);
        setup(element);
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
